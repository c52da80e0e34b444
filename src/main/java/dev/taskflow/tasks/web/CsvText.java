package dev.taskflow.tasks.web;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import dev.taskflow.platform.InvalidInput;

/**
 * An imported CSV file's bytes as text. Decoded here, strictly, rather than by the CSV reader, which took
 * a UTF-16 file or a stray Windows-1252 byte for a broken file and said so without a position ("line -1,
 * column -1"). A spreadsheet's "Unicode text" is UTF-16 and its plain "CSV" often Windows-1252, so the
 * message says which it is and what to do.
 */
final class CsvText {

	private static final String SAVE_AS_UTF8 = "save it as UTF-8 (\"CSV UTF-8\" in a spreadsheet) and import it again";

	private CsvText() {
	}

	/** @throws InvalidInput naming {@code file} when the bytes are not text in that charset */
	static String decode(byte[] content, Charset charset) {
		if (charset.equals(StandardCharsets.UTF_8) && startsWithUtf16Or32Mark(content)) {
			throw InvalidInput.of("file", "is UTF-16 or UTF-32 text, not UTF-8; " + SAVE_AS_UTF8);
		}
		CharsetDecoder decoder = charset.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(content);
		CharBuffer out = CharBuffer.allocate((int) (content.length * (double) decoder.maxCharsPerByte()) + 1);
		CoderResult result = decoder.decode(in, out, true);
		if (!result.isError()) {
			result = decoder.flush(out);
		}
		if (result.isError()) {
			throw InvalidInput.of("file", "is not " + charset.name() + " text (line " + lineAt(content, in.position())
					+ " has bytes " + charset.name() + " does not allow)"
					+ (charset.equals(StandardCharsets.UTF_8) ? "; " + SAVE_AS_UTF8 : ""));
		}
		String text = out.flip().toString();
		// a byte order mark is how some programs label UTF-8; it is not part of the header's first name
		return text.startsWith("\uFEFF") ? text.substring(1) : text;
	}

	private static boolean startsWithUtf16Or32Mark(byte[] content) {
		return content.length >= 2 && ((content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)
				|| (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE)
				|| (content.length >= 4 && content[0] == 0 && content[1] == 0 && content[2] == (byte) 0xFE
						&& content[3] == (byte) 0xFF));
	}

	private static int lineAt(byte[] content, int position) {
		int line = 1;
		for (int i = 0; i < position && i < content.length; i++) {
			if (content[i] == '\n') {
				line++;
			}
		}
		return line;
	}
}
