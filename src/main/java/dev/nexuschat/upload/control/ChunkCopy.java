package dev.nexuschat.upload.control;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Copying or skipping exactly so many bytes of a chunked image file; a file cut short is EOF. */
final class ChunkCopy {
  private ChunkCopy() {}

  static void copy(InputStream in, OutputStream out, long count) throws IOException {
    byte[] buffer = new byte[8192];
    while (count > 0) {
      int read = in.read(buffer, 0, (int) Math.min(buffer.length, count));
      if (read < 0) {
        throw new EOFException("The file ends inside a chunk");
      }
      out.write(buffer, 0, read);
      count -= read;
    }
  }

  static void skip(InputStream in, long count) throws IOException {
    while (count > 0) {
      long skipped = in.skip(count);
      if (skipped <= 0) {
        if (in.read() < 0) {
          throw new EOFException("The file ends inside a chunk");
        }
        skipped = 1;
      }
      count -= skipped;
    }
  }
}
