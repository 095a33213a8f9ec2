package org.rujuk.hub.deadletter;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard's dead-letter page: coordinators and administrators see what is on the dead-letter address (never
 * a body); administrators read a body (audited), replay one, replay all that match the filter, or discard one with
 * a reason, each a CSRF-protected form post (roles: see DashboardSecurityConfiguration).
 */
@Controller
class DeadLetterPageController {

    private static final int PAGE_SIZE = 200;

    private final DeadLetterTriage triage;

    DeadLetterPageController(DeadLetterTriage triage) {
        this.triage = triage;
    }

    @GetMapping("/dead-letters")
    String list(Model model, @RequestParam(required = false) String sender,
            @RequestParam(required = false) String reason, @RequestParam(defaultValue = "0") int page) {
        model.addAttribute("deadLetters", triage.list(filter(sender, reason), page, PAGE_SIZE));
        model.addAttribute("sender", sender == null ? "" : sender);
        model.addAttribute("reason", reason == null ? "" : reason);
        model.addAttribute("page", "dead-letters");
        return "dead-letters";
    }

    @GetMapping("/dead-letters/{key}/body")
    String body(Authentication who, Model model, @PathVariable String key) {
        var body = triage.body(who.getName(), key).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("key", key);
        model.addAttribute("text", body.text());
        model.addAttribute("bytes", body.bytes() == null ? 0 : body.bytes().length);
        model.addAttribute("page", "dead-letters");
        return "dead-letter-body";
    }

    @PostMapping("/dead-letters/replay")
    String replay(Authentication who, @RequestParam String key, RedirectAttributes redirect) {
        redirect.addFlashAttribute("outcomes", triage.replay(who.getName(), List.of(key)));
        return "redirect:/dead-letters";
    }

    @PostMapping("/dead-letters/replay-all")
    String replayAll(Authentication who, @RequestParam(required = false) String sender,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        redirect.addFlashAttribute("outcomes", triage.replay(who.getName(), filter(sender, reason)));
        return "redirect:/dead-letters";
    }

    @PostMapping("/dead-letters/discard")
    String discard(Authentication who, @RequestParam String key, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        if (reason == null || reason.isBlank()) {
            redirect.addFlashAttribute("reasonMissing", true);
        } else {
            redirect.addFlashAttribute("outcomes", triage.discard(who.getName(), List.of(key), reason));
        }
        return "redirect:/dead-letters";
    }

    private static DeadLetterTriage.Filter filter(String sender, String reason) {
        return new DeadLetterTriage.Filter(sender, reason, null, null, null, null);
    }
}
