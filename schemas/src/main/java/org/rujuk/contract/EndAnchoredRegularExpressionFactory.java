package org.rujuk.contract;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import java.util.regex.Pattern;

/**
 * Compiles schema {@code pattern}s with the JDK, but with the ECMA-262 meaning of a final {@code $}: the
 * end of the input. In a JDK regex a final {@code $} also matches before a trailing line break, so with
 * networknt's default factory {@code "^[0-9]{16}$"} accepts sixteen digits followed by a newline. The
 * schemas are read by agencies' own validators too, so they keep the portable {@code $} and the fix lives
 * here.
 */
final class EndAnchoredRegularExpressionFactory implements RegularExpressionFactory {

    static final EndAnchoredRegularExpressionFactory INSTANCE = new EndAnchoredRegularExpressionFactory();

    private EndAnchoredRegularExpressionFactory() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(anchorAtEndOfInput(regex));
        // JSON Schema patterns are not implicitly anchored: find(), not matches().
        return value -> pattern.matcher(value).find();
    }

    static String anchorAtEndOfInput(String regex) {
        if (!regex.endsWith("$")) {
            return regex;
        }
        int backslashes = 0;
        for (int i = regex.length() - 2; i >= 0 && regex.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 0 ? regex.substring(0, regex.length() - 1) + "\\z" : regex;
    }
}
