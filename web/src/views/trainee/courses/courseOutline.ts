import type { CourseQuery } from '@gql';

export type CourseData = NonNullable<CourseQuery['course']>;
export type CourseModule = CourseData['modules'][number];
export type CourseCube = CourseModule['cubes'][number];

export interface OutlineCube {
  cube: CourseCube;
  /** Completed by the trainee (false when not enrolled). */
  completed: boolean;
  /** The cube's place in the whole course, from 1. */
  number: number;
}

export interface OutlineModule {
  module: CourseModule;
  cubes: OutlineCube[];
}

/**
 * The course as the trainee works through it: modules and cubes in order (by position, whatever order the graph
 * sent), each cube with whether the trainee completed it (from the enrollment's progress).
 */
export function courseOutline(course: CourseData): OutlineModule[] {
  const completed = new Set(course.myEnrollment?.progress.cubes.filter((cube) => cube.completed).map((cube) => cube.cubeId) ?? []);
  let number = 0;
  return [...course.modules]
    .sort((a, b) => a.position - b.position)
    .map((module) => ({
      module,
      cubes: [...module.cubes]
        .sort((a, b) => a.position - b.position)
        .map((cube) => ({ cube, completed: completed.has(cube.id), number: ++number })),
    }));
}

/** Every cube in course order. */
export function cubesInOrder(course: CourseData): OutlineCube[] {
  return courseOutline(course).flatMap((module) => module.cubes);
}

/** The first cube the trainee has not completed (where "Continue" goes); null when all are done. */
export function nextCube(course: CourseData): OutlineCube | null {
  return cubesInOrder(course).find((entry) => !entry.completed) ?? null;
}

/** The cubes before and after one cube, for the cube page's previous/next links. */
export function neighbours(course: CourseData, cubeId: string): { previous: OutlineCube | null; next: OutlineCube | null; current: OutlineCube | null } {
  const all = cubesInOrder(course);
  const index = all.findIndex((entry) => entry.cube.id === cubeId);
  if (index < 0) return { previous: null, next: null, current: null };
  return { previous: all[index - 1] ?? null, next: all[index + 1] ?? null, current: all[index] };
}
