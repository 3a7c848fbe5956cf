package io.nhslistener.app;

import picocli.CommandLine.IVersionProvider;

/** Reports the build version from the jar manifest. */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = ListenerMain.class.getPackage().getImplementationVersion();
    return new String[] {"nhs-listener " + (version == null ? "(development build)" : version)};
  }
}
