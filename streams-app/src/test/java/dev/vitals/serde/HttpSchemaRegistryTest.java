package dev.vitals.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vitals.schema.SurveyResponse;
import dev.vitals.schema.UsageEvent;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Base64;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpSchemaRegistryTest {

  private static final String PREFIX = FakeSchemaRegistryServer.PREFIX;
  private static final Schema USAGE = UsageEvent.getClassSchema();

  private FakeSchemaRegistryServer server;
  private HttpSchemaRegistry client;

  @BeforeEach
  void start() throws IOException {
    server = new FakeSchemaRegistryServer();
    client = new HttpSchemaRegistry(server.url(), Map.of());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void registerPostsToSubjectVersionsUnderTheBasePathWithTheRegistryContentType() {
    int id = client.register("vitals.usage-value", USAGE);

    assertThat(id).isEqualTo(1);
    assertThat(server.hits("POST " + PREFIX + "/subjects/vitals.usage-value/versions")).isEqualTo(1);
    assertThat(server.contentTypes()).containsOnly(HttpSchemaRegistry.CONTENT_TYPE);
  }

  @Test
  void registeringTheSameSchemaTwiceAsksTheRegistryOnce() {
    int first = client.register("vitals.usage-value", USAGE);
    int second = client.register("vitals.usage-value", new Schema.Parser().parse(USAGE.toString()));

    assertThat(second).isEqualTo(first);
    assertThat(server.hits("POST " + PREFIX + "/subjects/vitals.usage-value/versions")).isEqualTo(1);
  }

  @Test
  void schemaByIdIsFetchedOnceAndParsed() {
    int id = server.preRegister("vitals.surveys-value", SurveyResponse.getClassSchema().toString());

    Schema first = client.schemaById(id);
    Schema second = client.schemaById(id);

    assertThat(first).isEqualTo(SurveyResponse.getClassSchema()).isSameAs(second);
    assertThat(server.hits("GET " + PREFIX + "/schemas/ids/" + id)).isEqualTo(1);
  }

  @Test
  void aSchemaThisClientRegisteredNeedsNoFetchById() {
    int id = client.register("vitals.usage-value", USAGE);

    assertThat(client.schemaById(id)).isEqualTo(USAGE);
    assertThat(server.hits("GET " + PREFIX + "/schemas/ids/" + id)).isZero();
  }

  @Test
  void unknownIdIsUnknownSchemaId() {
    assertThatThrownBy(() -> client.schemaById(99))
        .isInstanceOf(UnknownSchemaIdException.class)
        .hasMessageContaining("schema id 99 not found")
        .hasMessageContaining(server.url());
  }

  @Test
  void baseUrlWithoutTheRegistryPathIsAConfigurationErrorNotAnUnknownId() {
    // given the URL without /apis/ccompat/v7: the server's plain 404 carries no registry error code
    HttpSchemaRegistry wrongPath = new HttpSchemaRegistry(server.url().replace(PREFIX, ""), Map.of());

    assertThatThrownBy(() -> wrongPath.schemaById(1))
        .isInstanceOf(SchemaRegistryException.class)
        .isNotInstanceOf(UnknownSchemaIdException.class)
        .hasMessageContaining("404")
        .hasMessageContaining("check schema.registry.url");
    assertThatThrownBy(() -> wrongPath.lookup("vitals.usage-value", USAGE))
        .isInstanceOf(SchemaRegistryException.class)
        .hasMessageContaining("check schema.registry.url");
  }

  @Test
  void lookupFindsARegisteredSchemaAndCachesIt() {
    int id = server.preRegister("vitals.usage-value", USAGE.toString());

    assertThat(client.lookup("vitals.usage-value", USAGE)).hasValue(id);
    assertThat(client.lookup("vitals.usage-value", USAGE)).hasValue(id);
    assertThat(server.hits("POST " + PREFIX + "/subjects/vitals.usage-value")).isEqualTo(1);
    assertThat(server.hits("POST " + PREFIX + "/subjects/vitals.usage-value/versions")).isZero();
  }

  @Test
  void lookupOfAnUnknownSubjectOrSchemaIsEmptyAndRegistersNothing() {
    server.preRegister("vitals.surveys-value", SurveyResponse.getClassSchema().toString());

    assertThat(client.lookup("vitals.usage-value", USAGE)).isEmpty(); // 40401
    assertThat(client.lookup("vitals.surveys-value", USAGE)).isEmpty(); // 40403
    assertThat(server.hits("POST " + PREFIX + "/subjects/vitals.usage-value/versions")).isZero();
  }

  @Test
  void conflictIsIncompatibleSchemaNaming409AndTheSubject() {
    server.rejectAsIncompatible("vitals.usage-value");

    assertThatThrownBy(() -> client.register("vitals.usage-value", USAGE))
        .isInstanceOf(IncompatibleSchemaException.class)
        .hasMessageContaining("409")
        .hasMessageContaining("vitals.usage-value")
        .isNotInstanceOf(RetriableException.class);
  }

  @Test
  void serverErrorIsUnavailableAndRetriable() {
    server.forceStatus(503);

    assertThatThrownBy(() -> client.schemaById(1))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .isInstanceOf(RetriableException.class)
        .hasMessageContaining("503");
  }

  @Test
  void connectionRefusedIsUnavailable() throws IOException {
    HttpSchemaRegistry refused = new HttpSchemaRegistry("http://127.0.0.1:" + freePort(), Map.of());

    assertThatThrownBy(() -> refused.register("vitals.usage-value", USAGE))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining("unreachable");
  }

  @Test
  void slowAnswerBeyondTheRequestTimeoutIsUnavailable() {
    server.delayAnswers(2_000);
    HttpSchemaRegistry impatient = new HttpSchemaRegistry(server.url(),
        Map.of(SerdeConfig.REQUEST_TIMEOUT_MS, "200"));

    assertThatThrownBy(() -> impatient.schemaById(1)).isInstanceOf(SchemaRegistryUnavailableException.class);
  }

  @Test
  void secondUrlIsTriedWhenTheFirstIsUnreachable() throws IOException {
    HttpSchemaRegistry failover = new HttpSchemaRegistry(
        "http://127.0.0.1:" + freePort() + ", " + server.url(), Map.of());

    assertThat(failover.register("vitals.usage-value", USAGE)).isEqualTo(1);
  }

  @Test
  void basicAuthUserInfoIsSentAsBasicAuthorization() {
    HttpSchemaRegistry authenticated = new HttpSchemaRegistry(server.url() + "/",
        Map.of(SerdeConfig.BASIC_AUTH_USER_INFO, "vitals:s3cret:with-colon"));

    authenticated.register("vitals.usage-value", USAGE);

    String expected = "Basic " + Base64.getEncoder().encodeToString("vitals:s3cret:with-colon".getBytes());
    assertThat(server.authorizations()).containsExactly(expected);
  }

  @Test
  void credentialsInTheUrlAreSentAsBasicAuthorizationAndNeverNamedInErrors() {
    // given a registry URL that carries its credentials, as some deployments write it
    HttpSchemaRegistry authenticated = new HttpSchemaRegistry(
        server.url().replace("http://", "http://ops:url-s3cret@"), Map.of());

    // when it registers, and later the registry fails
    authenticated.register("vitals.usage-value", USAGE);
    server.forceStatus(503);

    // then the credentials went as basic authorization, and the error names the registry without them
    assertThat(server.authorizations()).containsExactly(
        "Basic " + Base64.getEncoder().encodeToString("ops:url-s3cret".getBytes()));
    assertThatThrownBy(() -> authenticated.schemaById(42))
        .isInstanceOf(SchemaRegistryUnavailableException.class)
        .hasMessageContaining("127.0.0.1")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("url-s3cret").doesNotContain("ops:"));
  }

  @Test
  void withoutUserInfoNoAuthorizationIsSent() {
    client.register("vitals.usage-value", USAGE);

    assertThat(server.authorizations()).containsExactly("null");
  }

  @Test
  void unauthorizedIsALastingRegistryErrorNotUnavailable() {
    server.forceStatus(401);

    assertThatThrownBy(() -> client.register("vitals.usage-value", USAGE))
        .isInstanceOf(SchemaRegistryException.class)
        .isNotInstanceOf(RetriableException.class)
        .hasMessageContaining("401")
        .hasMessageContaining("basic.auth.user.info");
  }

  @Test
  void serdesOverHttpWriteOnceAndReadersFetchEachWriterSchemaOnce() {
    // given a producer and a separate consumer application on the same registry
    Map<String, String> config = Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, server.url());
    Serde<UsageEvent> producer = new VitalsSerdes(config).avro(UsageEvent.class);
    Serde<UsageEvent> consumer = new VitalsSerdes(config).avro(UsageEvent.class);

    // when
    for (int i = 0; i < 10; i++) {
      byte[] bytes = producer.serializer().serialize("vitals.usage", Records.usage());
      assertThat(consumer.deserializer().deserialize("vitals.usage", bytes)).isEqualTo(Records.usage());
    }

    // then
    assertThat(server.hits("POST " + PREFIX + "/subjects/vitals.usage-value/versions")).isEqualTo(1);
    assertThat(server.hits("GET " + PREFIX + "/schemas/ids/1")).isEqualTo(1);
  }

  @Test
  void unknownIdOverHttpIsADecodeFailureButOutageIsNot() {
    Serde<UsageEvent> serde = new VitalsSerdes(Map.of(SerdeConfig.SCHEMA_REGISTRY_URL, server.url()))
        .avro(UsageEvent.class);
    byte[] bytes = Records.framed(42, new byte[] {2, 'x'});

    assertThatThrownBy(() -> serde.deserializer().deserialize("vitals.usage", bytes))
        .isInstanceOfSatisfying(AvroDecodeException.class,
            e -> assertThat(e.reason()).isEqualTo(DecodeFailure.UNKNOWN_SCHEMA_ID));

    server.forceStatus(500);
    assertThatThrownBy(() -> serde.deserializer().deserialize("vitals.usage", bytes))
        .isInstanceOf(SchemaRegistryUnavailableException.class);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
