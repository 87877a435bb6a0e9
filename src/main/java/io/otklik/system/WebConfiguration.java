package io.otklik.system;

import io.otklik.identity.Accounts;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Languages for pages and API, the {@code ?lang=en} switch, and API uploads read before any parameter. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

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
