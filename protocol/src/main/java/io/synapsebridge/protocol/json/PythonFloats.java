package io.synapsebridge.protocol.json;

import com.fasterxml.jackson.core.io.NumberOutput;
import java.math.BigDecimal;

/** Formats a double as Python's {@code repr(float)}, which is what Synapse's JSON encoder writes. */
final class PythonFloats {
    private PythonFloats() {
    }

    /** @param value a finite double */
    static String repr(double value) {
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        // Both Python and the fast writer print the shortest digits that round-trip; only the layout differs.
        BigDecimal shortest = new BigDecimal(NumberOutput.toString(value, true)).stripTrailingZeros();
        String digits = shortest.unscaledValue().abs().toString();
        // value = 0.<digits> * 10^point
        int point = digits.length() - shortest.scale();
        StringBuilder out = new StringBuilder(value < 0 ? "-" : "");
        if (point > -4 && point <= 16) {
            if (point <= 0) {
                out.append("0.").append("0".repeat(-point)).append(digits);
            } else if (point >= digits.length()) {
                out.append(digits).append("0".repeat(point - digits.length())).append(".0");
            } else {
                out.append(digits, 0, point).append('.').append(digits, point, digits.length());
            }
        } else {
            out.append(digits.charAt(0));
            if (digits.length() > 1) {
                out.append('.').append(digits, 1, digits.length());
            }
            int exponent = point - 1;
            out.append(exponent < 0 ? "e-" : "e+");
            if (Math.abs(exponent) < 10) {
                out.append('0');
            }
            out.append(Math.abs(exponent));
        }
        return out.toString();
    }
}
