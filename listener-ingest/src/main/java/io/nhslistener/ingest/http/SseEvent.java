package io.nhslistener.ingest.http;

/**
 * One server-sent event as dispatched by {@link SseParser}.
 *
 * @param type the {@code event:} field, {@code message} when absent
 * @param data the {@code data:} lines joined with newlines
 * @param id the last {@code id:} seen (it persists across events, per the specification), or null
 */
public record SseEvent(String type, String data, String id) {}
