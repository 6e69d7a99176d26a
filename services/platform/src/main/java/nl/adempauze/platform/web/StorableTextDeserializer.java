package nl.adempauze.platform.web;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;

/**
 * Every string of every request body, read as Jackson reads it, then refused if it could not be stored as sent
 * (see {@link StorableText}): a 400 naming the field, for all services and fields at once.
 */
public class StorableTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) {
        String text = super.deserialize(parser, context);
        if (text != null && !StorableText.isStorable(text)) {
            throw InvalidFormatException.from(parser, StorableText.REFUSAL, text, String.class);
        }
        return text;
    }
}
