package dev.onair.api;

import dev.onair.accounts.entity.Role;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT", realmName = "onair")
@DeclareRoles({Role.USER_GROUP, Role.ADMIN_GROUP})
@OpenAPIDefinition(
        info = @Info(title = "OnAir API", version = "1",
                description = "Live streaming: studios, channels, stream keys. Errors are "
                        + "application/problem+json (RFC 9457) whose `type` is a stable "
                        + "`urn:onair:problem:<name>`; 400s list the offending fields in `errors`.",
                license = @License(name = "Proprietary")),
        tags = {
                @Tag(name = "studio", description = "The broadcaster's own channel and stream key"),
                @Tag(name = "channels", description = "Channels (broadcasts) as viewers and owners see them")
        })
@SecurityScheme(securitySchemeName = OnAirApi.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT",
        description = "An OnAir access token: RS256 JWT with iss, aud, sub (the account id) and groups (user, admin).")
public class OnAirApi extends Application {

    public static final String BEARER = "bearer";
}
