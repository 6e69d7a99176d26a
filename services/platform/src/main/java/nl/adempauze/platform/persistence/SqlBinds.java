package nl.adempauze.platform.persistence;

import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/** R2DBC needs the type of a null parameter: one place for binding values that may be absent. */
public final class SqlBinds {

    private SqlBinds() {
    }

    public static <T> GenericExecuteSpec nullable(GenericExecuteSpec spec, String name, T value, Class<T> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }
}
