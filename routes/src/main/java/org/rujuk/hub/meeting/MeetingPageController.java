package org.rujuk.hub.meeting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;
import org.rujuk.contract.ContractJson;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dashboard's form for recording a meeting decision on a referral's timeline (coordinators and
 * administrators; the path is theirs only). Same rules as the API: the errors come back to the form.
 */
@Controller
class MeetingPageController {

    private final DecisionRecorder recorder;

    MeetingPageController(DecisionRecorder recorder) {
        this.recorder = recorder;
    }

    @PostMapping("/referrals/{referralId}/decisions")
    String record(@PathVariable UUID referralId, @RequestParam(required = false) String deadline,
            @RequestParam(required = false) String meetingDate, @RequestParam(required = false) String action,
            @RequestParam(required = false) String responsibleAgency, @RequestParam(required = false) String dueDate,
            Authentication who, RedirectAttributes redirect) {
        ObjectNode body = ContractJson.mapper().createObjectNode();
        body.put("deadline", deadline);
        body.put("meetingDate", meetingDate);
        body.put("action", action);
        body.put("responsibleAgency", responsibleAgency);
        body.put("dueDate", dueDate);
        var outcome = recorder.record(referralId, body, who.getName());
        if (outcome instanceof DecisionRecorder.Outcome.Invalid invalid) {
            redirect.addFlashAttribute("decisionErrors", invalid.errors());
        } else if (outcome instanceof DecisionRecorder.Outcome.Recorded) {
            redirect.addFlashAttribute("decisionRecorded", true);
        }
        return "redirect:/referrals/" + referralId;
    }
}
