package org.rujuk.hub.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.rujuk.contract.ContractValidator;
import org.rujuk.contract.MessageType;

class IncomingMessageReaderTest {

    @Test
    void keepsTextAsUtf8IncludingCharactersOutsideTheBasicPlane() {
        String text = "{\"summary\":\"Anak RA \uD83D\uDE00 perlu pendampingan\"}";
        assertThat(IncomingMessageReader.utf8(text)).isEqualTo(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsALoneSurrogateInvalidSoValidationRefusesTheBody() {
        byte[] body = IncomingMessageReader.utf8("{\"type\":\"referral\",\"summary\":\"A \uD800 B\"}");
        assertThat(new ContractValidator().inspect(body, MessageType.REFERRAL).errors())
                .singleElement()
                .satisfies(error -> assertThat(error.message()).contains("not valid UTF-8"));
    }
}
