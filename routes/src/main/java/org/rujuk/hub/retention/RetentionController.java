package org.rujuk.hub.retention;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/retention/run}: an administrator runs retention now (role: see ApiSecurityConfiguration). */
@RestController
class RetentionController {

    private final Retention retention;

    RetentionController(Retention retention) {
        this.retention = retention;
    }

    @PostMapping("/api/v1/retention/run")
    Retention.Result run() {
        return retention.runOnce();
    }
}
