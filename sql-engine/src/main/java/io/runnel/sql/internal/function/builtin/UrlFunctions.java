package io.runnel.sql.internal.function.builtin;

import io.runnel.sql.function.Udf;
import io.runnel.sql.function.UdfDescription;
import io.runnel.sql.function.UdfParameter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** ksqlDB's URL functions: parts of a URL (NULL when absent or the URL is invalid), parameter encoding. */
public final class UrlFunctions {
    private UrlFunctions() {
    }

    static URI uri(String url) {
        if (url == null) return null;
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    @UdfDescription(name = "url_extract_fragment", category = "URL", description = "The fragment of a URL.")
    public static final class Fragment {
        @Udf
        public static String urlExtractFragment(@UdfParameter("input") String input) {
            URI u = uri(input);
            return u == null ? null : u.getFragment();
        }
    }

    @UdfDescription(name = "url_extract_host", category = "URL", description = "The host of a URL.")
    public static final class Host {
        @Udf
        public static String urlExtractHost(@UdfParameter("input") String input) {
            URI u = uri(input);
            return u == null ? null : u.getHost();
        }
    }

    @UdfDescription(name = "url_extract_path", category = "URL", description = "The path of a URL.")
    public static final class Path {
        @Udf
        public static String urlExtractPath(@UdfParameter("input") String input) {
            URI u = uri(input);
            return u == null ? null : u.getPath();
        }
    }

    @UdfDescription(name = "url_extract_port", category = "URL", description = "The port of a URL; NULL when not given.")
    public static final class Port {
        @Udf
        public static Integer urlExtractPort(@UdfParameter("input") String input) {
            URI u = uri(input);
            return u == null || u.getPort() < 0 ? null : u.getPort();
        }
    }

    @UdfDescription(name = "url_extract_protocol", category = "URL", description = "The protocol (scheme) of a URL.")
    public static final class Protocol {
        @Udf
        public static String urlExtractProtocol(@UdfParameter("input") String input) {
            URI u = uri(input);
            return u == null ? null : u.getScheme();
        }
    }

    @UdfDescription(name = "url_extract_query", category = "URL", description = "The decoded query string of a URL.")
    public static final class Query {
        @Udf
        public static String urlExtractQuery(@UdfParameter("input") String input) {
            URI u = uri(input);
            return u == null ? null : u.getQuery();
        }
    }

    @UdfDescription(name = "url_extract_parameter", category = "URL",
            description = "The decoded value of the first query parameter with a name; NULL when absent.")
    public static final class Parameter {
        @Udf
        public static String urlExtractParameter(@UdfParameter("input") String input, @UdfParameter("parameter") String parameter) {
            URI u = uri(input);
            if (u == null || parameter == null || u.getRawQuery() == null) return null;
            for (String pair : u.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                if (name.equals(parameter)) {
                    return eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                }
            }
            return null;
        }
    }

    @UdfDescription(name = "url_encode_param", category = "URL", description = "Encodes a string for a URL query parameter.")
    public static final class EncodeParam {
        @Udf
        public static String urlEncodeParam(@UdfParameter("input") String input) {
            return input == null ? null : URLEncoder.encode(input, StandardCharsets.UTF_8);
        }
    }

    @UdfDescription(name = "url_decode_param", category = "URL", description = "Decodes a URL query parameter.")
    public static final class DecodeParam {
        @Udf
        public static String urlDecodeParam(@UdfParameter("input") String input) {
            return input == null ? null : URLDecoder.decode(input, StandardCharsets.UTF_8);
        }
    }
}
