package io.nhslistener.app.process;

import io.nhslistener.ingest.IngestRole;
import io.nhslistener.ingest.runner.IngestRunner;

/** The ingest role: every configured source, each on its own runner. */
final class IngestRoleLauncher implements RoleLauncher {
  @Override
  public RunningRole start(ProcessContext context) {
    IngestRole role = new IngestRole(context.config(), context.kafkaProperties(), context.registry(),
        context.clock());
    role.start();
    return new StartedRole(Role.INGEST.label(),
        () -> role.states().values().stream().noneMatch(state -> state == IngestRunner.State.FAILED), role::close);
  }
}
