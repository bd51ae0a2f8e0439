package io.mailroom.s3.object;

/**
 * CRC-64/NVME (reflected polynomial 0x9A6C9329AC4BC9B5, initial value and final XOR all ones), the
 * checksum S3 uses by default; the JDK has no implementation of it.
 */
final class Crc64Nvme {
    private static final long[] TABLE = new long[256];

    static {
        for (int i = 0; i < 256; i++) {
            long crc = i;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
            }
            TABLE[i] = crc;
        }
    }

    private Crc64Nvme() {
    }

    static long of(byte[] data) {
        long crc = -1L;
        for (byte b : data) {
            crc = TABLE[(int) ((crc ^ b) & 0xFF)] ^ (crc >>> 8);
        }
        return ~crc;
    }
}
