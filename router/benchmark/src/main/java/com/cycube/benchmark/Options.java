package com.cycube.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code --name=value} integer options with defaults; anything unknown is refused. */
final class Options {

    private Options() {
    }

    static Map<String, Integer> parse(String[] args, Map<String, Integer> defaults) {
        Map<String, Integer> options = new LinkedHashMap<>(defaults);
        for (String arg : args) {
            String[] parts = arg.replaceFirst("^--", "").split("=", 2);
            if (parts.length != 2 || !defaults.containsKey(parts[0])) {
                throw new IllegalArgumentException("unknown option " + arg + "; known: " + defaults.keySet());
            }
            options.put(parts[0], Integer.parseInt(parts[1]));
        }
        return options;
    }
}
