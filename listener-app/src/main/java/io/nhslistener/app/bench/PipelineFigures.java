package io.nhslistener.app.bench;

/**
 * What the pipeline phase measured.
 *
 * @param produced mentions produced
 * @param throughput mentions per second end to end
 * @param matched produce → matched latencies
 * @param alerts window close → alert latencies
 * @param heapMb largest heap in use after a collection, MiB
 * @param cpuMicrosPerMention process CPU per mention through every stage after the warm-up, µs
 * @param loadAverage the machine's one-minute load average when the stages had drained
 */
record PipelineFigures(long produced, double throughput, Latencies matched, Latencies alerts, double heapMb,
    double cpuMicrosPerMention, double loadAverage) {}
