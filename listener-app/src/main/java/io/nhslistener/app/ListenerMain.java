package io.nhslistener.app;

public final class ListenerMain {
  public static void main(String[] args) {}
}
