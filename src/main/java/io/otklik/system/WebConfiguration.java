package io.otklik.system;

import io.otklik.identity.Accounts;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.tomcat.TomcatProtocolHandlerCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/** Languages for pages and API, the {@code ?lang=en} switch, and API uploads read before any parameter. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    /**
     * Boot registers this filter because the WebJars locator turns the resource chain on; it would rewrite every
     * link on every page by probing the jars for a static file of that name (most of a queue page's rendering
     * time). We do not version asset URLs, so links need no rewriting; versionless WebJars paths still resolve.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlRewriting() {
        // Boot's Thymeleaf set-up registers the filter only when no registration of it exists: this one, disabled.
        var registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /**
     * "100 Continue" only once a handler reads the body (Tomcat answers at once by default): a client that asks first
     * (the mail gate) is refused before it sends a body that is too large, for an unknown mailbox or with a bad token,
     * instead of losing the connection halfway.
     */
    @Bean
    TomcatProtocolHandlerCustomizer<AbstractHttp11Protocol<?>> continueOnRead() {
        return protocol -> protocol.setContinueResponseTiming("onRead");
    }

    @Bean
    LocaleResolver localeResolver(Accounts accounts) {
        return new Languages(accounts);
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new UploadsFirst()).addPathPatterns("/api/**").order(Ordered.HIGHEST_PRECEDENCE);
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        // API callers say their language per request (Accept-Language); ?lang must not change a user's setting.
        registry.addInterceptor(change).excludePathPatterns("/api/**");
    }
}
