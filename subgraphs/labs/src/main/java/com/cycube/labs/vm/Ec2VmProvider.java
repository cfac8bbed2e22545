package com.cycube.labs.vm;

import com.cycube.labs.LabsProperties;
import com.cycube.labs.templates.LabTemplateDocument;
import com.cycube.support.observation.ExternalCalls;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.Ec2ClientBuilder;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ec2.model.ResourceType;
import software.amazon.awssdk.services.ec2.model.RunInstancesRequest;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;

/**
 * AWS EC2 through the AWS SDK for Java v2 (the EC2 Query API: form POSTs, XML answers).
 * <ul>
 *   <li>RunInstances with {@code ClientToken} = the lab's launch token, so a repeated launch (driver retry after a
 *       crash, two instances racing) returns the same VM; TagSpecifications name organization, user and lab on the
 *       instance and its volumes (cost reports, clean-up scripts);</li>
 *   <li>DescribeInstances: state and address (private IP first: Guacamole runs in the VPC; public IP otherwise);</li>
 *   <li>TerminateInstances; an unknown instance id counts as already terminated.</li>
 * </ul>
 * Throttling ({@code RequestLimitExceeded}, HTTP 503) and 5xx are retried by the SDK's standard retry strategy
 * ({@code max-attempts}, exponential backoff with jitter); what still fails becomes a retryable
 * {@link VmProviderException} and the driver tries again on a later tick. 4xx errors are permanent.
 */
public class Ec2VmProvider implements VmProvider {

    private static final Logger log = LoggerFactory.getLogger(Ec2VmProvider.class);

    private final Ec2Client ec2;
    private final LabsProperties.Ec2 config;
    private final ObservationRegistry observations;

    public Ec2VmProvider(Ec2Client ec2, LabsProperties.Ec2 config) {
        this(ec2, config, ObservationRegistry.NOOP);
    }

    /** Every EC2 call is a span and a timing ({@code cycube_external_call_seconds{system="ec2"}}). */
    public Ec2VmProvider(Ec2Client ec2, LabsProperties.Ec2 config, ObservationRegistry observations) {
        this.ec2 = ec2;
        this.config = config;
        this.observations = observations;
    }

    public static Ec2VmProvider create(LabsProperties.Ec2 config, ObservationRegistry observations) {
        return new Ec2VmProvider(client(config, Duration.ofMillis(100)), config, observations);
    }

    /** The SDK client: endpoint override (LocalStack, WireMock), region, static or default credentials, retries. */
    public static Ec2Client client(LabsProperties.Ec2 config, Duration baseBackoff) {
        Ec2ClientBuilder builder = Ec2Client.builder()
                .region(Region.of(config.region() == null || config.region().isBlank() ? "eu-west-1" : config.region()))
                .credentialsProvider(credentials(config))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(Math.max(1, config.maxAttempts()))
                        .backoffStrategy(BackoffStrategy.exponentialDelay(baseBackoff, Duration.ofSeconds(5)))
                        .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(baseBackoff, Duration.ofSeconds(10)))
                        .build())
                        .apiCallTimeout(Duration.ofSeconds(30)));
        if (config.endpoint() != null && !config.endpoint().isBlank()) {
            builder.endpointOverride(URI.create(config.endpoint()));
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(LabsProperties.Ec2 config) {
        if (config.accessKeyId() != null && !config.accessKeyId().isBlank()) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create(config.accessKeyId(), config.secretAccessKey()));
        }
        return DefaultCredentialsProvider.builder().build();
    }

    @Override
    public String launch(String clientToken, LabTemplateDocument template, Map<String, String> tags) {
        List<Tag> tagList = tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build()).toList();
        RunInstancesRequest.Builder request = RunInstancesRequest.builder()
                .clientToken(clientToken)
                .imageId(template.image())
                .instanceType(template.instanceType())
                .minCount(1)
                .maxCount(1)
                .tagSpecifications(
                        TagSpecification.builder().resourceType(ResourceType.INSTANCE).tags(tagList).build(),
                        TagSpecification.builder().resourceType(ResourceType.VOLUME).tags(tagList).build());
        if (config.subnetId() != null && !config.subnetId().isBlank()) {
            request.subnetId(config.subnetId());
        }
        if (config.securityGroupIds() != null && !config.securityGroupIds().isEmpty()) {
            request.securityGroupIds(config.securityGroupIds());
        }
        if (config.keyName() != null && !config.keyName().isBlank()) {
            request.keyName(config.keyName());
        }
        String instanceId = call("RunInstances", () -> ec2.runInstances(request.build()).instances().get(0).instanceId());
        log.info("EC2 RunInstances {} (client token {}) → {}", template.image(), clientToken, instanceId);
        return instanceId;
    }

    @Override
    public VmDescription describe(String instanceId) {
        DescribeInstancesResponse response;
        try {
            response = call("DescribeInstances", () -> ec2.describeInstances(r -> r.instanceIds(instanceId)));
        } catch (VmProviderException e) {
            if (isUnknownInstance(e.code())) {
                return new VmDescription(instanceId, VmState.NOT_FOUND, null, e.code());
            }
            throw e;
        }
        return response.reservations().stream().flatMap(r -> r.instances().stream())
                .filter(i -> instanceId.equals(i.instanceId())).findFirst()
                .map(Ec2VmProvider::description)
                .orElse(new VmDescription(instanceId, VmState.NOT_FOUND, null, "not in DescribeInstances"));
    }

    @Override
    public void terminate(String instanceId) {
        try {
            call("TerminateInstances", () -> ec2.terminateInstances(r -> r.instanceIds(instanceId)));
            log.info("EC2 TerminateInstances {}", instanceId);
        } catch (VmProviderException e) {
            if (!isUnknownInstance(e.code())) {
                throw e;
            }
        }
    }

    private static VmDescription description(Instance instance) {
        InstanceStateName name = instance.state() == null ? InstanceStateName.UNKNOWN_TO_SDK_VERSION : instance.state().name();
        VmState state = switch (name) {
            case PENDING -> VmState.PENDING;
            case RUNNING -> VmState.RUNNING;
            case SHUTTING_DOWN, STOPPING, STOPPED -> VmState.STOPPING;
            case TERMINATED -> VmState.TERMINATED;
            default -> VmState.PENDING;
        };
        String address = instance.privateIpAddress() != null ? instance.privateIpAddress() : instance.publicIpAddress();
        String reason = instance.stateReason() == null ? null : instance.stateReason().message();
        return new VmDescription(instance.instanceId(), state, address, reason);
    }

    private static boolean isUnknownInstance(String code) {
        return code != null && (code.equals("InvalidInstanceID.NotFound") || code.equals("InvalidInstanceID.Malformed"));
    }

    private <T> T call(String action, java.util.function.Supplier<T> call) {
        try {
            return ExternalCalls.observe(observations, "ec2", action, call);
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            boolean retryable = e.isThrottlingException() || e.statusCode() >= 500;
            throw new VmProviderException(code, "EC2 " + action + " failed: " + (code == null ? "HTTP " + e.statusCode() : code)
                    + (e.awsErrorDetails() != null && e.awsErrorDetails().errorMessage() != null ? " (" + e.awsErrorDetails().errorMessage() + ")" : ""),
                    retryable, e);
        } catch (SdkClientException e) {
            throw new VmProviderException(null, "EC2 " + action + " unreachable: " + e.getMessage(), true, e);
        } catch (SdkException e) {
            throw new VmProviderException(null, "EC2 " + action + " failed: " + e.getMessage(), true, e);
        }
    }
}
