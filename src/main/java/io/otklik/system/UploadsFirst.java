package io.otklik.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Reads an API call's upload before anything else reads a request parameter. Multipart is resolved lazily so that
 * an upload over the container's limits fails inside the handler, where the API answers 413 problem+json. But
 * the first {@code getParameter} (the language switch, the form binding) would go straight to the container, and
 * Tomcat 11 then throws its own exception that no handler knows; reading the parts through Spring's multipart
 * request first turns the failure into {@code MaxUploadSizeExceededException}.
 */
class UploadsFirst implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request instanceof MultipartHttpServletRequest multipart) {
            multipart.getMultiFileMap();
        }
        return true;
    }
}
