package com.cycube.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code --name=value} integer options with defaults; anything unknown is refused. {@code --only=a,b} names the parts
 * to run (each part an option of 1 or 0).
 */
final class Options {

    private Options() {
    }

    /**
     * The arguments with {@code --only=a,b} replaced by {@code --a=1 --b=1} and {@code --<part>=0} for every other
     * part (later arguments still win); unknown part names are refused.
     */
    static String[] only(String[] args, java.util.List<String> parts) {
        java.util.List<String> result = new java.util.ArrayList<>();
        for (String arg : args) {
            if (!arg.startsWith("--only=")) {
                result.add(arg);
                continue;
            }
            java.util.List<String> wanted = java.util.Arrays.stream(arg.substring("--only=".length()).split(","))
                    .map(String::trim).filter(part -> !part.isEmpty()).toList();
            for (String part : wanted) {
                if (!parts.contains(part)) {
                    throw new IllegalArgumentException("unknown part " + part + " in " + arg + "; parts: " + parts);
                }
            }
            parts.forEach(part -> result.add("--" + part + "=" + (wanted.contains(part) ? 1 : 0)));
        }
        return result.toArray(String[]::new);
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
