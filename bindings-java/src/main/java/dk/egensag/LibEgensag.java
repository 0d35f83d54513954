package dk.egensag;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.nio.charset.StandardCharsets;

/**
 * The functions of {@code egensag.h}, bound by JNA direct mapping, and the conversions at the
 * boundary: Java text to UTF-8 bytes, returned strings and errors back to Java (each freed
 * with the library's own free function).
 *
 * <p>Pointers ({@code egensag_engine *}, {@code char *}, {@code egensag_error *}) are passed
 * as {@code long} and out-parameters as one-element {@code long[]} arrays; {@code size_t} is
 * {@code long}. Both need a 64-bit JVM, which {@link #check} verifies before anything is
 * called.
 */
final class LibEgensag {
    /** {@code EGENSAG_OK}. */
    static final int OK = 0;

    static {
        if (Native.POINTER_SIZE != 8 || Native.SIZE_T_SIZE != 8) {
            throw new UnsatisfiedLinkError(
                    "egensag's Java binding needs a 64-bit JVM (pointers and size_t of 8 bytes)");
        }
        // Found through jna.library.path, LD_LIBRARY_PATH or the system's library paths.
        Native.register(LibEgensag.class, NativeLibrary.getInstance("egensag"));
    }

    private LibEgensag() {}

    static native int egensag_engine_new(
            byte[] policy, long policyLen, byte[] catalogue, long catalogueLen, long[] out,
            long[] err);

    static native void egensag_engine_free(long engine);

    static native int egensag_overview(
            long engine, byte[] request, long requestLen, long[] outJson, long[] outLen,
            long[] err);

    static native int egensag_explain(
            long engine, byte[] request, long requestLen, long[] outJson, long[] outLen,
            long[] err);

    static native int egensag_validate(
            long engine, byte[] request, long requestLen, long[] outJson, long[] outLen,
            long[] err);

    static native int egensag_represented(
            long engine, byte[] request, long requestLen, long[] outJson, long[] outLen,
            long[] err);

    static native int egensag_notifications(
            long engine, byte[] previous, long previousLen, byte[] current, long currentLen,
            long[] outJson, long[] outLen, long[] err);

    static native int egensag_sources(
            byte[] kind, byte[] document, long documentLen, byte[] asOf, byte[] profile,
            long profileLen, long[] outJson, long[] outLen, long[] err);

    static native int egensag_add_sources(
            long engine, byte[] request, long requestLen, byte[] sources, long sourcesLen,
            long[] outJson, long[] outLen, long[] err);

    static native void egensag_string_free(long text);

    static native void egensag_error_free(long err);

    static native long egensag_error_code(long err);

    static native long egensag_error_message(long err);

    static native long egensag_error_path(long err);

    static native long egensag_error_json(long err);

    static native long egensag_version();

    static native int egensag_abi_version();

    /** The signature shared by overview, explain, validate and represented. */
    @FunctionalInterface
    interface RequestCall {
        int call(long engine, byte[] request, long requestLen, long[] outJson, long[] outLen,
                long[] err);
    }

    /** The signature shared by notifications and add_sources. */
    @FunctionalInterface
    interface PairCall {
        int call(long engine, byte[] first, long firstLen, byte[] second, long secondLen,
                long[] outJson, long[] outLen, long[] err);
    }

    /**
     * The exact UTF-8 bytes of {@code text}, or {@code null} for {@code null} (which the
     * library reports as {@code null_argument}).
     *
     * <p>A Java string may hold an unpaired surrogate, which {@link String#getBytes} would
     * silently replace by {@code ?}. Such a string is encoded code point by code point instead
     * (a lone surrogate as its three-byte form), which is not UTF-8: the library then rejects
     * it with its own {@code invalid_json} error and path, as it rejects such bytes from C.
     */
    static byte[] utf8(String text) {
        if (text == null) {
            return null;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // getBytes writes '?' for an unpaired surrogate, so bytes without a '?' are exact
        // (the common case, and a faster test than looking at every char).
        if (!contains(bytes, (byte) '?')) {
            return bytes;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return codePoints(text);
            }
        }
        return bytes;
    }

    private static boolean contains(byte[] bytes, byte b) {
        for (byte x : bytes) {
            if (x == b) {
                return true;
            }
        }
        return false;
    }

    /** UTF-8 of each code point, lone surrogates included (see {@link #utf8}). */
    private static byte[] codePoints(String text) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(text.length() * 3);
        text.codePoints().forEach(c -> {
            if (c < 0x80) {
                out.write(c);
            } else if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else if (c < 0x10000) {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            } else {
                out.write(0xF0 | (c >> 18));
                out.write(0x80 | ((c >> 12) & 0x3F));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
        });
        return out.toByteArray();
    }

    /**
     * The UTF-8 bytes of {@code text} followed by a NUL, for the header's NUL-terminated
     * parameters ({@code kind}, {@code as_of}); {@code null} for {@code null}.
     *
     * @throws IllegalArgumentException when {@code text} contains a NUL character, which a C
     *     string cannot hold (the library would see only the text before it)
     */
    static byte[] cString(String text, String parameter) {
        if (text == null) {
            return null;
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException(parameter + " contains a NUL character");
        }
        byte[] bytes = utf8(text);
        byte[] terminated = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, terminated, 0, bytes.length);
        return terminated;
    }

    /** The length to pass with {@code bytes} (0 for {@code null}). */
    static long length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    /** The library's UTF-8 output as a Java string. */
    static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /**
     * The result of a call that returns text: on {@link #OK} the bytes of the string at
     * {@code outJson} ({@code outLen} bytes, freed here with {@code egensag_string_free});
     * otherwise the error at {@code err}, freed here with {@code egensag_error_free} and
     * thrown.
     */
    static byte[] takeBytes(int status, long outJson, long outLen, long err) {
        if (status != OK) {
            // Defensive: a failed call leaves outJson NULL, and freeing NULL does nothing.
            egensag_string_free(outJson);
            throw takeError(status, err);
        }
        try {
            if (outJson == 0) {
                throw new IllegalStateException("libegensag returned no text");
            }
            if (outLen > Integer.MAX_VALUE) {
                throw new IllegalStateException("libegensag returned " + outLen
                        + " bytes, more than a Java array holds");
            }
            return new Pointer(outJson).getByteArray(0, (int) outLen);
        } finally {
            egensag_string_free(outJson);
        }
    }

    /** The exception for the error at {@code err} of a call that returned {@code status}; frees it. */
    static RuntimeException takeError(int status, long err) {
        if (err == 0) {
            return new IllegalStateException("libegensag returned status " + status + " without an error");
        }
        try {
            return new EgensagException(
                    string(egensag_error_code(err)),
                    string(egensag_error_message(err)),
                    string(egensag_error_path(err)),
                    string(egensag_error_json(err)));
        } finally {
            egensag_error_free(err);
        }
    }

    /** A NUL-terminated UTF-8 string the library owns, copied into Java. */
    static String string(long text) {
        return text == 0 ? null : new Pointer(text).getString(0, "UTF-8");
    }
}
