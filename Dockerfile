# Vitals as a container image: `docker build -t vitals .` (docker-compose.yml builds it too).
#
# Runs `vitals run` (the service against an external Kafka and schema registry), configured only through
# VITALS_* environment variables: VITALS_ + the key of docs/operations.md upper-cased, dots and dashes as
# underscores (VITALS_BOOTSTRAP_SERVERS, VITALS_SCHEMA_REGISTRY_URL, VITALS_KAFKA_SECURITY_PROTOCOL...).
# The same image runs the other commands (simulate, produce, replay) with another command line.

# --- Build ----------------------------------------------------------------------------------------------------
FROM maven:3-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml ./
COPY schemas schemas
COPY streams-app streams-app
# -Dmdep.skip: the build would otherwise download and unpack Apicurio Registry, which only the embedded demo and
# the tests use; `run` talks to an external registry.
RUN mvn -B -q package -DskipTests -Dmdep.skip=true

# --- Run ------------------------------------------------------------------------------------------------------
FROM eclipse-temurin:17-jre

# A system user of its own: the service needs no privilege, only its state directory.
RUN groupadd --system --gid 10001 vitals \
 && useradd --system --uid 10001 --gid vitals --home-dir /var/lib/vitals --shell /usr/sbin/nologin vitals \
 && mkdir -p /var/lib/vitals/state \
 && chown -R vitals:vitals /var/lib/vitals

COPY --from=build /src/streams-app/target/vitals.jar /app/vitals.jar

# Listen on every interface (the default, 127.0.0.1, is unreachable from outside the container). The state
# directory is RocksDB: mount a volume there so a restart restores from disk instead of the changelogs.
# Heap at half the container's memory: RocksDB (256 MiB by default, kafka.vitals.rocksdb.total.bytes) and the
# JVM's own overhead live outside the heap.
ENV VITALS_HTTP_HOST=0.0.0.0 \
    VITALS_HTTP_PORT=8080 \
    VITALS_STATE_DIR=/var/lib/vitals/state \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50"

USER 10001:10001
WORKDIR /var/lib/vitals
VOLUME /var/lib/vitals/state
EXPOSE 8080

# /healthz is 200 unless Kafka Streams failed (ERROR): a failed instance is restarted, one rebalancing or
# restoring is left alone (that is /readyz's business). The start period covers JVM start and the first join.
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${VITALS_HTTP_PORT}/healthz" || exit 1

ENTRYPOINT ["java", "-jar", "/app/vitals.jar"]
CMD ["run"]
