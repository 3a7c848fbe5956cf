package io.nhslistener.app.process;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The launcher of each role, in start order: stream processors before ingest so nothing waits on them. */
public final class RoleLaunchers {
  private RoleLaunchers() {}

  /** Launchers for {@code roles}, in start order. */
  public static List<RoleLauncher> forRoles(Set<Role> roles) {
    List<RoleLauncher> launchers = new ArrayList<>();
    if (roles.contains(Role.STREAMS)) {
      launchers.add(new StreamsRoleLauncher());
    }
    if (roles.contains(Role.ALERTS)) {
      launchers.add(new AlertsRoleLauncher());
    }
    if (roles.contains(Role.INGEST)) {
      launchers.add(new IngestRoleLauncher());
    }
    return launchers;
  }
}
