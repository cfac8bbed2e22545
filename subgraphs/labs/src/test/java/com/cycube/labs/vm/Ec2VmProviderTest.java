package com.cycube.labs.vm;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cycube.labs.LabsProperties;
import com.cycube.labs.templates.LabProtocol;
import com.cycube.labs.templates.LabTemplateDocument;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The EC2 adapter against WireMock answering like EC2's Query API (form POSTs, XML). */
class Ec2VmProviderTest {

    static final String NS = "xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\"";
    static final String RUN_INSTANCES = """
            <?xml version="1.0" encoding="UTF-8"?>
            <RunInstancesResponse %s>
              <requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>
              <reservationId>r-0e1f2a3b4c5d6e7f8</reservationId>
              <ownerId>123456789012</ownerId>
              <groupSet/>
              <instancesSet>
                <item>
                  <instanceId>i-0598c7d356eba48d7</instanceId>
                  <imageId>ami-0a1b2c3d4e5f60718</imageId>
                  <instanceState><code>0</code><name>pending</name></instanceState>
                  <instanceType>t3.medium</instanceType>
                  <clientToken>lab-1-g1</clientToken>
                </item>
              </instancesSet>
            </RunInstancesResponse>""".formatted(NS);
    static final String DESCRIBE_RUNNING = """
            <?xml version="1.0" encoding="UTF-8"?>
            <DescribeInstancesResponse %s>
              <requestId>8f7724cf-496f-496e-8fe3-example</requestId>
              <reservationSet>
                <item>
                  <reservationId>r-0e1f2a3b4c5d6e7f8</reservationId>
                  <ownerId>123456789012</ownerId>
                  <groupSet/>
                  <instancesSet>
                    <item>
                      <instanceId>i-0598c7d356eba48d7</instanceId>
                      <imageId>ami-0a1b2c3d4e5f60718</imageId>
                      <instanceState><code>16</code><name>running</name></instanceState>
                      <privateIpAddress>10.0.1.23</privateIpAddress>
                      <ipAddress>54.170.1.2</ipAddress>
                      <instanceType>t3.medium</instanceType>
                    </item>
                  </instancesSet>
                </item>
              </reservationSet>
            </DescribeInstancesResponse>""".formatted(NS);
    static final String TERMINATE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <TerminateInstancesResponse %s>
              <requestId>59dbff89-35bd-4eac-99ed-be587EXAMPLE</requestId>
              <instancesSet>
                <item>
                  <instanceId>i-0598c7d356eba48d7</instanceId>
                  <currentState><code>32</code><name>shutting-down</name></currentState>
                  <previousState><code>16</code><name>running</name></previousState>
                </item>
              </instancesSet>
            </TerminateInstancesResponse>""".formatted(NS);

    static String error(String code, String message) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Response><Errors><Error><Code>%s</Code><Message>%s</Message></Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>"""
                .formatted(code, message);
    }

    static final LabTemplateDocument KALI = new LabTemplateDocument("tmpl-kali-ssh", "Kali", "ami-0a1b2c3d4e5f60718",
            "t3.medium", LabProtocol.SSH, 22, 60, 240, Instant.EPOCH, Instant.EPOCH);

    WireMockServer ec2;
    Ec2VmProvider provider;

    @BeforeEach
    void start() {
        ec2 = new WireMockServer(wireMockConfig().dynamicPort());
        ec2.start();
        LabsProperties.Ec2 config = new LabsProperties.Ec2(ec2.baseUrl(), "eu-west-1", "AKIDEXAMPLE", "secret",
                "subnet-0abc", List.of("sg-0abc"), null, 3);
        provider = new Ec2VmProvider(Ec2VmProvider.client(config, Duration.ofMillis(10)), config);
    }

    @AfterEach
    void stop() {
        ec2.stop();
    }

    private void answer(String action, int status, String body) {
        ec2.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=" + action))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body)));
    }

    private List<String> sentBodies(String action) {
        return ec2.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action))).stream()
                .map(request -> URLDecoder.decode(request.getBodyAsString(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void run_instances_sends_the_lab_token_as_client_token_and_tags_naming_organization_user_and_lab() {
        answer("RunInstances", 200, RUN_INSTANCES);
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("cycube:organization", "org-acme");
        tags.put("cycube:user", "00000000-0000-4000-8000-000000000012");
        tags.put("cycube:lab", "lab-1");

        assertThat(provider.launch("lab-1-g1", KALI, tags)).isEqualTo("i-0598c7d356eba48d7");

        String body = sentBodies("RunInstances").get(0);
        assertThat(body).contains("ClientToken=lab-1-g1", "ImageId=ami-0a1b2c3d4e5f60718", "InstanceType=t3.medium",
                "MinCount=1", "MaxCount=1", "SubnetId=subnet-0abc", "SecurityGroupId.1=sg-0abc",
                "TagSpecification.1.ResourceType=instance", "TagSpecification.2.ResourceType=volume",
                "TagSpecification.1.Tag.1.Key=cycube:organization", "TagSpecification.1.Tag.1.Value=org-acme",
                "TagSpecification.1.Tag.2.Key=cycube:user", "TagSpecification.1.Tag.2.Value=00000000-0000-4000-8000-000000000012",
                "TagSpecification.1.Tag.3.Key=cycube:lab", "TagSpecification.1.Tag.3.Value=lab-1");
        assertThat(ec2.findAll(postRequestedFor(urlEqualTo("/"))).get(0).getHeader("Authorization"))
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/").contains("/eu-west-1/ec2/aws4_request");
    }

    @Test
    void describe_instances_reports_a_running_vm_with_its_private_address() {
        answer("DescribeInstances", 200, DESCRIBE_RUNNING);
        VmDescription vm = provider.describe("i-0598c7d356eba48d7");
        assertThat(vm.state()).isEqualTo(VmState.RUNNING);
        assertThat(vm.address()).isEqualTo("10.0.1.23");
        assertThat(sentBodies("DescribeInstances").get(0)).contains("InstanceId.1=i-0598c7d356eba48d7");
    }

    @Test
    void an_unknown_instance_is_described_as_not_found_and_terminating_it_is_not_an_error() {
        answer("DescribeInstances", 400, error("InvalidInstanceID.NotFound", "The instance ID 'i-0dead' does not exist"));
        answer("TerminateInstances", 400, error("InvalidInstanceID.NotFound", "The instance ID 'i-0dead' does not exist"));
        assertThat(provider.describe("i-0dead").state()).isEqualTo(VmState.NOT_FOUND);
        provider.terminate("i-0dead");
    }

    @Test
    void terminate_instances_names_the_vm() {
        answer("TerminateInstances", 200, TERMINATE);
        provider.terminate("i-0598c7d356eba48d7");
        assertThat(sentBodies("TerminateInstances").get(0)).contains("InstanceId.1=i-0598c7d356eba48d7");
    }

    @Test
    void an_unknown_image_is_a_permanent_error_with_ec2s_code_and_is_not_retried() {
        answer("RunInstances", 400, error("InvalidAMIID.NotFound", "The image id '[ami-0a1b2c3d4e5f60718]' does not exist"));
        assertThatThrownBy(() -> provider.launch("lab-1-g1", KALI, Map.of()))
                .isInstanceOfSatisfying(VmProviderException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.code()).isEqualTo("InvalidAMIID.NotFound");
                    assertThat(e.getMessage()).contains("InvalidAMIID.NotFound");
                });
        assertThat(sentBodies("RunInstances")).hasSize(1);
    }

    @Test
    void throttling_is_retried_by_the_sdk_with_the_same_client_token_until_it_succeeds() {
        String scenario = "throttled twice";
        ec2.stubFor(post(urlEqualTo("/")).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody(error("RequestLimitExceeded", "Request limit exceeded.")))
                .willSetStateTo("once"));
        ec2.stubFor(post(urlEqualTo("/")).inScenario(scenario).whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(503).withBody(error("RequestLimitExceeded", "Request limit exceeded.")))
                .willSetStateTo("recovered"));
        ec2.stubFor(post(urlEqualTo("/")).inScenario(scenario).whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(RUN_INSTANCES)));

        assertThat(provider.launch("lab-1-g1", KALI, Map.of())).isEqualTo("i-0598c7d356eba48d7");
        assertThat(sentBodies("RunInstances")).hasSize(3).allSatisfy(body -> assertThat(body).contains("ClientToken=lab-1-g1"));
    }

    @Test
    void throttling_that_outlasts_the_retries_is_a_retryable_error_for_the_driver() {
        answer("RunInstances", 503, error("RequestLimitExceeded", "Request limit exceeded."));
        assertThatThrownBy(() -> provider.launch("lab-1-g1", KALI, Map.of()))
                .isInstanceOfSatisfying(VmProviderException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.code()).isEqualTo("RequestLimitExceeded");
                });
        assertThat(sentBodies("RunInstances")).hasSize(3);
    }
}
