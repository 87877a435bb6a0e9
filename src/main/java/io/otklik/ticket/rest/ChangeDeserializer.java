package io.otklik.ticket.rest;

import io.otklik.ticket.Change;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;

/**
 * Reads one field of a partial update: a field left out of the JSON keeps its value, a field given as
 * {@code null} clears it, any other value sets it.
 */
final class ChangeDeserializer extends ValueDeserializer<Change<?>> {

    private final ValueDeserializer<Object> values;

    ChangeDeserializer() {
        this(null);
    }

    private ChangeDeserializer(ValueDeserializer<Object> values) {
        this.values = values;
    }

    @Override
    public ValueDeserializer<?> createContextual(DeserializationContext context, BeanProperty property) {
        JavaType type = (property == null ? context.getContextualType() : property.getType()).containedType(0);
        return new ChangeDeserializer(context.findContextualValueDeserializer(type, property));
    }

    @Override
    public Change<?> deserialize(JsonParser parser, DeserializationContext context) {
        return Change.to(values.deserialize(parser, context));
    }

    @Override
    public Object getNullValue(DeserializationContext context) {
        return Change.to(null);
    }

    @Override
    public Object getAbsentValue(DeserializationContext context) {
        return Change.keep();
    }
}
