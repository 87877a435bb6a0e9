package io.otklik.ticket.rest;

import java.util.Iterator;

import io.otklik.ticket.Change;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.oas.models.media.Schema;

import org.springframework.stereotype.Component;

/**
 * Describes a {@code Change<T>} field of a partial update in the OpenAPI document as the plain {@code T} it is
 * sent as (see {@link ChangeDeserializer}), not as the wrapper. The document generator reads types with Jackson 2.
 */
@Component
class ChangeSchema implements ModelConverter {

    @Override
    public Schema<?> resolve(AnnotatedType type, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType javaType = TypeFactory.defaultInstance().constructType(type.getType());
        if (javaType.getRawClass() == Change.class) {
            return context.resolve(new AnnotatedType(javaType.containedType(0))
                    .ctxAnnotations(type.getCtxAnnotations())
                    .schemaProperty(type.isSchemaProperty())
                    .resolveAsRef(type.isResolveAsRef())
                    .propertyName(type.getPropertyName())
                    .parent(type.getParent()));
        }
        return chain.hasNext() ? chain.next().resolve(type, context, chain) : null;
    }
}
