package io.runnel.server.internal.http;

import io.runnel.server.api.KsqlErrorMessage;
import io.runnel.server.api.QueryHeader;
import java.util.List;

/**
 * Turns the events of a query result into the bytes of one response format. Each method returns
 * the bytes to append to the response (possibly none). Stateless, so one instance serves all
 * queries of a format.
 */
interface QueryResponseWriter {

    String contentType();

    byte[] header(QueryHeader header);

    byte[] row(List<Object> values);

    byte[] tombstone(List<Object> values);

    /** The query ended by itself; {@code finalMessage} may be null. */
    byte[] complete(String finalMessage);

    byte[] error(KsqlErrorMessage error);

    /** The last bytes of the response, after {@link #complete} or {@link #error}. */
    byte[] end();
}
