# The listener's image: every role runs from the same shaded jar; docker-compose.yml picks the role with --role.
# Build stage: Maven with a JDK 17, modules' POMs first so dependencies are cached between source changes.
FROM maven:3.9.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY listener-core/pom.xml listener-core/
COPY listener-ingest/pom.xml listener-ingest/
COPY listener-streams/pom.xml listener-streams/
COPY listener-alerts/pom.xml listener-alerts/
COPY listener-app/pom.xml listener-app/
COPY listener-core/src listener-core/src
COPY listener-ingest/src listener-ingest/src
COPY listener-streams/src listener-streams/src
COPY listener-alerts/src listener-alerts/src
COPY listener-app/src listener-app/src
RUN mvn -B -q -DskipTests -pl listener-app -am package

# Run stage: a JRE only, as an unprivileged user. /var/lib/listener holds Kafka Streams state (a volume in compose).
FROM eclipse-temurin:17.0.13_11-jre
RUN groupadd --system --gid 10001 listener \
    && useradd --system --uid 10001 --gid listener --home-dir /var/lib/listener --create-home listener
COPY --from=build /src/listener-app/target/listener.jar /opt/listener/listener.jar
USER listener
WORKDIR /var/lib/listener
EXPOSE 9404
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/opt/listener/listener.jar"]
CMD ["run", "--config", "/etc/listener/listener.yaml"]
