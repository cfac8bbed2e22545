package com.cycube.labs.remoteaccess;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.labs.LabsProperties;
import com.cycube.labs.templates.LabProtocol;
import com.cycube.labs.templates.LabTemplateDocument;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Guacamole adapter against WireMock answering like Guacamole's REST API. */
class GuacamoleRemoteAccessTest {

    static final String OWNER = "00000000-0000-4000-8000-000000000012";
    static final LabTemplateDocument WINDOWS = new LabTemplateDocument("tmpl-windows-rdp", "Windows", "ami-0f1e2d3c4b5a69788",
            "t3.large", LabProtocol.RDP, 3389, 90, 240, Instant.EPOCH, Instant.EPOCH);

    WireMockServer guacamole;
    GuacamoleRemoteAccess remoteAccess;

    @BeforeEach
    void start() {
        guacamole = new WireMockServer(wireMockConfig().dynamicPort());
        guacamole.start();
        remoteAccess = new GuacamoleRemoteAccess(new LabsProperties.Guacamole(guacamole.baseUrl() + "/guacamole",
                "https://labs.cycube.example/guacamole/", "guacadmin", "s3cret", null));
        guacamole.stubFor(post(urlEqualTo("/guacamole/api/tokens"))
                .withRequestBody(equalTo("username=guacadmin&password=s3cret"))
                .willReturn(okJson("""
                        {"authToken":"C90FE8C5AB2E4D3B","username":"guacadmin","dataSource":"postgresql","availableDataSources":["postgresql"]}""")));
    }

    @AfterEach
    void stop() {
        guacamole.stop();
    }

    @Test
    void opening_creates_a_connection_to_the_vm_grants_it_to_the_owner_only_and_builds_the_client_url() {
        guacamole.stubFor(post(urlEqualTo("/guacamole/api/session/data/postgresql/connections?token=C90FE8C5AB2E4D3B"))
                .willReturn(okJson("""
                        {"identifier":"42","name":"lab-lab-1","parentIdentifier":"ROOT","protocol":"rdp","attributes":{},"activeConnections":0}""")));
        guacamole.stubFor(patch(urlEqualTo("/guacamole/api/session/data/postgresql/users/" + OWNER + "/permissions?token=C90FE8C5AB2E4D3B"))
                .willReturn(aResponse().withStatus(204)));

        RemoteSession session = remoteAccess.open("lab-1", OWNER, WINDOWS, "10.0.1.23");

        assertThat(session.connectionId()).isEqualTo("42");
        // base64("42" NUL "c" NUL "postgresql"), as Guacamole's own client encodes it
        assertThat(session.url()).isEqualTo("https://labs.cycube.example/guacamole/#/client/NDIAYwBwb3N0Z3Jlc3Fs");
        guacamole.verify(postRequestedFor(urlPathEqualTo("/guacamole/api/session/data/postgresql/connections"))
                .withRequestBody(equalToJson("""
                        {"parentIdentifier":"ROOT","name":"lab-lab-1","protocol":"rdp",
                         "parameters":{"hostname":"10.0.1.23","port":"3389"},
                         "attributes":{"max-connections":"1","max-connections-per-user":"1"}}""")));
        guacamole.verify(patchRequestedFor(urlPathEqualTo("/guacamole/api/session/data/postgresql/users/" + OWNER + "/permissions"))
                .withRequestBody(equalToJson("""
                        [{"op":"add","path":"/connectionPermissions/42","value":"READ"}]""")));
    }

    @Test
    void closing_deletes_the_connection_and_a_connection_already_gone_is_fine() {
        guacamole.stubFor(delete(urlEqualTo("/guacamole/api/session/data/postgresql/connections/42?token=C90FE8C5AB2E4D3B"))
                .willReturn(aResponse().withStatus(204)));
        guacamole.stubFor(delete(urlEqualTo("/guacamole/api/session/data/postgresql/connections/43?token=C90FE8C5AB2E4D3B"))
                .willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not found\"}")));
        remoteAccess.close("42");
        remoteAccess.close("43");
        guacamole.verify(deleteRequestedFor(urlPathEqualTo("/guacamole/api/session/data/postgresql/connections/42")));
    }

    @Test
    void guacamole_refusing_the_credentials_is_a_remote_access_error_to_retry_later() {
        guacamole.stubFor(post(urlEqualTo("/guacamole/api/tokens")).withRequestBody(containing("username="))
                .willReturn(aResponse().withStatus(403).withBody("{\"message\":\"Permission Denied.\",\"type\":\"INVALID_CREDENTIALS\"}")));
        assertThatThrownBy(() -> remoteAccess.open("lab-1", OWNER, WINDOWS, "10.0.1.23"))
                .isInstanceOf(RemoteAccessException.class).hasMessageContaining("403");
    }

    @Test
    void the_client_url_encodes_connection_type_and_data_source() {
        assertThat(GuacamoleRemoteAccess.clientUrl("http://localhost:8085/guacamole", "7", "mysql"))
                .isEqualTo("http://localhost:8085/guacamole/#/client/NwBjAG15c3Fs");
    }
}
