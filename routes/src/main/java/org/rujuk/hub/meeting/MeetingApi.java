package org.rujuk.hub.meeting;

import java.util.List;
import java.util.Map;
import org.rujuk.contract.RejectionError;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The error answers of the meeting API: {@code {"errors":[{"pointer","message"}]}}, as in the hub's rejections. */
final class MeetingApi {

    private MeetingApi() {
    }

    static ResponseEntity<Object> badRequest(List<RejectionError> errors) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(Map.of("errors", errors));
    }

    static ResponseEntity<Object> badRequest(String pointer, String message) {
        return badRequest(List.of(new RejectionError(pointer, message)));
    }

    /** Answered directly (not through the error page), so it is the same for every caller and every chain. */
    static ResponseEntity<Object> noSuchReferral() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("errors", List.of(new RejectionError("/referralId", "no such referral"))));
    }
}
