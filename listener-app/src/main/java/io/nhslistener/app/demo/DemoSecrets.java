package io.nhslistener.app.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the demo generates once per data dir (the pseudonymisation key, the webhook signing secret) and keeps in
 * owner-only files, so a second run keeps the same pseudonyms and nothing secret is ever printed.
 */
public final class DemoSecrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private DemoSecrets() {}

  /** The file holding secret {@code name} under {@code dataDir}, created with 32 random bytes when absent. */
  public static Path file(Path dataDir, String name) {
    Path file = dataDir.resolve("secrets").resolve(name);
    try {
      if (Files.exists(file)) {
        return file;
      }
      Files.createDirectories(file.getParent());
      byte[] secret = new byte[32];
      RANDOM.nextBytes(secret);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
      return file;
    } catch (FileAlreadyExistsException e) {
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the demo secret " + file, e);
    }
  }

  /** The secret's value. */
  public static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo secret " + file, e);
    }
  }
}
