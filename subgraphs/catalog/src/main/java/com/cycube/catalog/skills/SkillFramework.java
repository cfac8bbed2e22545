package com.cycube.catalog.skills;

/** The competency frameworks skill tags come from. */
public enum SkillFramework {
    NICE,
    MITRE_ATTACK
}
