package nl.doorstroom.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL cannot store U+0000 in text, so no REST field may carry it: request bodies (every string, also in lists
 * and map keys), query parameters and path variables are refused with 400 naming the field before anything is
 * decided. Only the web's JSON reader is changed; the event store's serializer still reads what it stored.
 */
@Configuration(proxyBeanMethods = false)
public class TextRefusal implements WebMvcConfigurer {

    static final String NUL_MESSAGE = "contains U+0000 (NUL), which cannot be stored";

    /** A string in a request body that cannot be taken; Jackson adds the field's path as it unwinds. */
    public static class RefusedText extends JsonMappingException {

        RefusedText(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    /** A query parameter or path variable that cannot be taken. */
    public static class RefusedParameter extends RuntimeException {

        private final String field;

        RefusedParameter(String field, String message) {
            super(message);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        SimpleModule module = new SimpleModule("doorstroom-text-refusal");
        module.addDeserializer(String.class, new NulRefusingStrings());
        module.addKeyDeserializer(String.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext context) throws IOException {
                if (key != null && key.indexOf('\u0000') >= 0) {
                    throw new RefusedText(context.getParser(), "a key " + NUL_MESSAGE);
                }
                return key;
            }
        });
        for (HttpMessageConverter<?> converter : converters) {
            if (converter instanceof MappingJackson2HttpMessageConverter jackson) {
                jackson.setObjectMapper(jackson.getObjectMapper().copy().registerModule(module));
            }
        }
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new HandlerInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
                request.getParameterMap().forEach((name, values) -> {
                    for (String value : values) {
                        refuseNul(name, value);
                    }
                });
                if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
                    variables.forEach((name, value) -> refuseNul(String.valueOf(name), String.valueOf(value)));
                }
                return true;
            }
        });
    }

    private static void refuseNul(String field, String value) {
        if (field.indexOf('\u0000') >= 0 || (value != null && value.indexOf('\u0000') >= 0)) {
            throw new RefusedParameter(field.replace("\u0000", "\\u0000"), NUL_MESSAGE);
        }
    }

    /** Jackson's own string reading, then the refusal; not marked as Jackson's standard one, so lists use it too. */
    static final class NulRefusingStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw new RefusedText(parser, NUL_MESSAGE);
            }
            return value;
        }
    }
}
