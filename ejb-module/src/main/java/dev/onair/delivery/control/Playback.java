package dev.onair.delivery.control;

import dev.onair.channels.entity.Channel;
import dev.onair.channels.entity.Visibility;
import dev.onair.delivery.entity.PlaybackSignature;
import dev.onair.delivery.entity.PlaybackUrls;
import dev.onair.shared.PemEncoding;
import dev.onair.shared.SecretFiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;
import software.amazon.awssdk.services.cloudfront.cookie.CookiesForCustomPolicy;
import software.amazon.awssdk.services.cloudfront.model.CustomSignerRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where viewers play a channel: URLs on the CDN ({@code onair.cdn.base-url}), plain for public
 * channels and signed with the AWS SDK's {@link CloudFrontUtilities} for private ones. A signed
 * URL carries a custom policy whose resource is the channel's folder ({@code .../channels/<id>/*}),
 * so the same signature (as a query or as the three CloudFront cookies) opens the playlist and
 * every segment of that channel and of no other, until it expires ({@code onair.cdn.signed-ttl}).
 * Signatures are issued per viewer, to a viewer the channels component found entitled, and never
 * handed from one viewer to another; once access is withdrawn no new one is issued (CloudFront
 * cannot recall one already issued: it lapses at its expiry).
 * <p>
 * The key pair: {@code onair.cdn.key-pair-id} and the PKCS#8 PEM file
 * {@code onair.cdn.private-key-file} (CloudFront's public key id and its private key). Without
 * them, OnAir makes its own RSA key pair under the data folder (id {@code onair-local}), for the
 * local edge; CloudFront would not know it.
 */
@ApplicationScoped
public class Playback {

    private static final Logger LOG = Logger.getLogger(Playback.class.getName());
    public static final String LOCAL_KEY_PAIR_ID = "onair-local";

    @Inject
    DeliverySettings settings;

    private final Clock clock = Clock.systemUTC();
    private final CloudFrontUtilities cloudFront = CloudFrontUtilities.create();
    private static final int MAX_CACHED = 10_000;
    private final Map<String, PlaybackSignature> signatures = new ConcurrentHashMap<>();
    private volatile PrivateKey privateKey;
    private volatile PublicKey publicKey;

    /** The CDN's base URL with a trailing slash; empty when none is configured. */
    public Optional<String> cdnBaseUrl() {
        return settings.cdnBaseUrl();
    }

    /**
     * The URLs of {@code channel} for a viewer: the live playlist while it is on air, the replay
     * once written, the latest thumbnail. A private channel's URLs are signed for the viewer
     * {@code viewerKey} names (one the channels component found entitled to it); without one, a
     * private channel has no URLs.
     */
    public PlaybackUrls of(Channel channel, boolean replayWritten, boolean thumbnail, String viewerKey) {
        Optional<String> base = settings.cdnBaseUrl();
        if (base.isEmpty()) {
            return PlaybackUrls.NONE;
        }
        boolean isPrivate = channel.visibility() == Visibility.PRIVATE;
        if (isPrivate && viewerKey == null) {
            return PlaybackUrls.NONE;
        }
        String folder = ObjectKeys.channelFolder(settings.privatePrefix(), isPrivate, channel.id());
        String live = channel.state().onAir() ? base.get() + ObjectKeys.livePlaylist(folder) : null;
        String replay = replayWritten ? base.get() + ObjectKeys.replayPlaylist(folder) : null;
        String thumb = thumbnail ? base.get() + ObjectKeys.latestThumbnail(folder) : null;
        if (!isPrivate) {
            return new PlaybackUrls(live, replay, thumb, null);
        }
        PlaybackSignature signature = sign(base.get() + folder + "*", viewerKey);
        return new PlaybackUrls(signed(live, signature), signed(replay, signature), signed(thumb, signature), signature);
    }

    /**
     * A custom-policy signature over {@code resourcePattern} (which may end with {@code *}) for
     * the viewer {@code viewerKey}, reused for that viewer while more than half of its time is
     * left: pages that poll a private channel do not cost two RSA signatures a request.
     */
    public PlaybackSignature sign(String resourcePattern, String viewerKey) {
        Instant now = clock.instant();
        String key = viewerKey + "\n" + resourcePattern;
        PlaybackSignature cached = signatures.get(key);
        if (cached != null && cached.expiresAt().isAfter(now.plus(settings.signedTtl().dividedBy(2)))) {
            return cached;
        }
        if (signatures.size() > MAX_CACHED) {
            signatures.clear();
        }
        PlaybackSignature fresh = newSignature(resourcePattern, now.plus(settings.signedTtl()));
        signatures.put(key, fresh);
        return fresh;
    }

    private PlaybackSignature newSignature(String resourcePattern, Instant expires) {
        CustomSignerRequest request = CustomSignerRequest.builder()
                .resourceUrl(resourcePattern)
                .resourceUrlPattern(resourcePattern)
                .privateKey(privateKey())
                .keyPairId(keyPairId())
                .expirationDate(expires)
                .build();
        String url = cloudFront.getSignedUrlWithCustomPolicy(request).url();
        String query = url.substring(url.indexOf('?') + 1);
        CookiesForCustomPolicy cookies = cloudFront.getCookiesForCustomPolicy(request);
        Map<String, String> jar = new LinkedHashMap<>();
        for (String header : new String[] {cookies.policyHeaderValue(), cookies.signatureHeaderValue(), cookies.keyPairIdHeaderValue()}) {
            int eq = header.indexOf('=');
            jar.put(header.substring(0, eq), header.substring(eq + 1));
        }
        return new PlaybackSignature(query, Map.copyOf(jar), expires);
    }

    /** The public half of the signing key, to check signatures with (the local edge). */
    public PublicKey publicKey() {
        PublicKey key = publicKey;
        if (key == null) {
            key = derivePublicKey();
            publicKey = key;
        }
        return key;
    }

    private PublicKey derivePublicKey() {
        if (!(privateKey() instanceof RSAPrivateCrtKey rsa)) {
            throw new IllegalStateException("the CDN signing key must be an RSA key with its CRT parameters (PKCS#8)");
        }
        try {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the CDN signing key's public key", e);
        }
    }

    public String keyPairId() {
        String id = settings.cdnKeyPairId();
        return id.isEmpty() ? LOCAL_KEY_PAIR_ID : id;
    }

    private static String signed(String url, PlaybackSignature signature) {
        return url == null ? null : url + "?" + signature.query();
    }

    private PrivateKey privateKey() {
        PrivateKey key = privateKey;
        if (key == null) {
            synchronized (this) {
                key = privateKey;
                if (key == null) {
                    key = load(settings.cdnPrivateKey().orElseGet(this::localKeyFile));
                    privateKey = key;
                }
            }
        }
        return key;
    }

    /** The local key pair's private key, made on first use (owner-only, like every secret OnAir keeps). */
    public Path localKeyFile() {
        Path file = settings.dataDir().resolve("secrets").resolve("cdn-signing-key.pem");
        try {
            SecretFiles.readOrCreate(file, PemEncoding::newRsaPrivateKey, "the local CDN signing key");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the local CDN signing key at " + file, e);
        }
        return file;
    }


    private static PrivateKey load(Path file) {
        try {
            String pem = Files.readString(file);
            if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
                throw new IllegalStateException("onair.cdn.private-key-file must be a PKCS#8 PEM private key "
                        + "(-----BEGIN PRIVATE KEY-----); convert an RSA key with openssl pkcs8 -topk8 -nocrypt");
            }
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "Cannot read the CDN signing key {0}", file);
            throw new UncheckedIOException("cannot read the CDN signing key " + file, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the CDN signing key " + file + " is not a usable RSA private key", e);
        }
    }
}
