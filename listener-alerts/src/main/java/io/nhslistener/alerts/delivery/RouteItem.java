package io.nhslistener.alerts.delivery;

/** One alert on its way to one route. */
record RouteItem(PendingAlert alert, Route route) {
  String channel() {
    return route.channel().type();
  }
}
