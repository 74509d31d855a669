package io.synapsebridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synapsebridge.protocol.command.CommandParseException;
import io.synapsebridge.protocol.command.Dialect;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LinesTest {

    @Test
    void blankLinesAreOnlyAsciiWhitespace() {
        assertThat(Lines.isBlank("")).isTrue();
        assertThat(Lines.isBlank(" \t\r\u000b\u000c")).isTrue();
        assertThat(Lines.isBlank("REPLICATE ")).isFalse();
        assertThat(Lines.isBlank("\u00a0")).isFalse();
    }

    @Test
    void utf8LengthCountsBytesNotChars() {
        assertThat(Lines.utf8Length("abc")).isEqualTo(3);
        assertThat(Lines.utf8Length("é")).isEqualTo(2);
        assertThat(Lines.utf8Length("€")).isEqualTo(3);
        assertThat(Lines.utf8Length("\uD83D\uDE00")).isEqualTo(4);
        String mixed = "aé€\uD83D\uDE00";
        assertThat(Lines.utf8Length(mixed)).isEqualTo(mixed.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void sendableUpToExactly16384BytesWithoutLf() {
        String max = "PING " + "x".repeat(Lines.MAX_LINE_BYTES - 5);
        assertThat(Lines.requireSendable(max)).isSameAs(max);
        assertThat(Lines.fits(max)).isTrue();

        String over = max + "x";
        assertThat(Lines.fits(over)).isFalse();
        assertThatThrownBy(() -> Lines.requireSendable(over))
                .isInstanceOf(LineTooLongException.class)
                .hasMessageContaining("16385 bytes");
    }

    @Test
    void sizeIsMeasuredInUtf8Bytes() {
        // 8193 two-byte characters: 8198 chars but 16391 bytes.
        String line = "PING " + "é".repeat(8193);
        assertThat(line.length()).isLessThan(Lines.MAX_LINE_BYTES);
        assertThatThrownBy(() -> Lines.requireSendable(line)).isInstanceOf(LineTooLongException.class);
    }

    @Test
    void oversizeRdataIsRefusedBeforeSending() {
        String line = Dialect.V1_22.format(new io.synapsebridge.protocol.command.RdataCommand("caches",
                "master", java.util.OptionalLong.of(1), "[\"" + "k".repeat(20000) + "\"]"));
        assertThatThrownBy(() -> Lines.requireSendable(line)).isInstanceOf(LineTooLongException.class);
    }

    @Test
    void lineWithLfIsNeverSendable() {
        assertThatThrownBy(() -> Lines.requireSendable("PING 1\nPING 2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void receivedOversizeLineGetsSynapsesErrorReply() {
        byte[] over = ("PING " + "1".repeat(Lines.MAX_LINE_BYTES)).getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> Lines.decode(over))
                .isInstanceOfSatisfying(LineTooLongException.class, e -> {
                    assertThat(e.byteLength()).isEqualTo(Lines.MAX_LINE_BYTES + 5);
                    assertThat(Dialect.V1_22.format(e.errorReply())).isEqualTo("ERROR Line length exceeded");
                });
    }

    @Test
    void receivedLinesAreStrictUtf8() {
        assertThat(Lines.decode("NAME wörker".getBytes(StandardCharsets.UTF_8))).isEqualTo("NAME wörker");
        byte[] invalid = {'N', 'A', 'M', 'E', ' ', (byte) 0xC3, (byte) 0x28};
        assertThatThrownBy(() -> Lines.decode(invalid))
                .isInstanceOf(CommandParseException.class)
                .hasMessage("line is not valid UTF-8");
    }
}
