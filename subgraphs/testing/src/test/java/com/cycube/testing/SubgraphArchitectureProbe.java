package com.cycube.testing;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.util.List;

/** Test access to {@link SubgraphArchitecture}'s rules over test fixtures (which {@code check} never imports). */
public final class SubgraphArchitectureProbe {

    private SubgraphArchitectureProbe() {
    }

    public static List<String> violations(String fixturePackage) {
        return SubgraphArchitecture.violations(fixturePackage, new ClassFileImporter().importPackages(fixturePackage));
    }
}
