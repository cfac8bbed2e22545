/** A team as the pickers need it: id, name, parent. */
export interface TeamLike {
  id: string;
  name: string;
  parent?: { id: string } | null;
}

export interface TeamOption {
  id: string;
  name: string;
  /** How deep in the hierarchy (0: a top-level team). */
  depth: number;
  /** The name indented by its depth, for a select's option text. */
  label: string;
}

/**
 * The organization's teams in hierarchy order: each top-level team by name, its sub-teams right below it. A team
 * whose parent is not in the list shows as top-level.
 */
export function teamOptions(teams: readonly TeamLike[]): TeamOption[] {
  const ids = new Set(teams.map((team) => team.id));
  const children = new Map<string | null, TeamLike[]>();
  for (const team of teams) {
    const parent = team.parent?.id && ids.has(team.parent.id) ? team.parent.id : null;
    children.set(parent, [...(children.get(parent) ?? []), team]);
  }
  const options: TeamOption[] = [];
  const visited = new Set<string>();
  const visit = (parent: string | null, depth: number) => {
    const below = [...(children.get(parent) ?? [])].sort((a, b) => a.name.localeCompare(b.name));
    for (const team of below) {
      if (visited.has(team.id)) continue;
      visited.add(team.id);
      options.push({ id: team.id, name: team.name, depth, label: `${'\u00a0\u00a0'.repeat(depth)}${depth > 0 ? '– ' : ''}${team.name}` });
      visit(team.id, depth + 1);
    }
  };
  visit(null, 0);
  return options;
}
