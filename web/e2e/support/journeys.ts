import { call, enroll, eventually, graph } from './graph';

/**
 * The demo course "Linux Command Line for Defenders" (GLOBAL, subgraphs/catalog DemoData) and the right answers of its
 * questions (subgraphs/assessment DemoData): the one course with readings, a quiz and a lab whose every step can be
 * completed on a laptop (its lab's flag is documented; root confirms the lab's objectives as the checker would).
 */
export const LINUX = {
  id: 'course-linux',
  title: 'Linux Command Line for Defenders',
  readings: [
    { id: 'cube-linux-navigation', title: 'Navigating the Filesystem' },
    { id: 'cube-linux-grep', title: 'Searching Logs with grep' },
  ],
  quiz: {
    id: 'cube-linux-shell-quiz',
    title: 'Shell Basics Quiz',
    // q-linux-pwd: single choice, "pwd" is option 2; q-linux-port: numeric, 22
    pwd: { questionId: 'q-linux-pwd', prompt: 'Which command prints the directory you are in?', answer: 'pwd', choiceId: 'q-linux-pwd-o2' },
    port: { questionId: 'q-linux-port', prompt: 'On which TCP port does SSH listen by default?', answer: 22 },
  },
  lab: {
    id: 'cube-linux-triage-lab',
    title: 'Triage a Compromised Host',
    flagQuestionId: 'q-linux-triage-flag',
    flag: 'CYCUBE{grep-the-auth-log}',
    objectives: ['shell-on-target', 'evidence-found'],
  },
} as const;

/** "Phishing Defense Fundamentals": a GLOBAL course whose first cube is a short reading. */
export const PHISHING = {
  id: 'course-phishing',
  title: 'Phishing Defense Fundamentals',
  firstReading: { id: 'cube-phishing-anatomy', title: 'Anatomy of a Phishing Email' },
} as const;

const SUBMIT = 'mutation($i: SubmitAnswerInput!) { submitAnswer(input: $i) { correct } }';

/** Launches (or finds the active) lab of a LAB cube for `email` and waits until it is RUNNING; returns its id. */
export async function runningLab(email: string, cubeId: string): Promise<string> {
  const launched = await graph<{ launchLab: { lab: { id: string } } }>(email,
    'mutation($i: LaunchLabInput!) { launchLab(input: $i) { lab { id } } }', { i: { cubeId } });
  const labId = launched.launchLab.lab.id;
  await eventually(`lab ${labId} RUNNING`, async () => {
    const reply = await graph<{ labInstance: { state: string } }>(email, 'query($id: ID!) { labInstance(id: $id) { state } }', { id: labId });
    return reply.labInstance.state === 'RUNNING' ? true : undefined;
  });
  return labId;
}

/**
 * Walks `email` through the whole Linux course by API (the browser journey is another spec's) up to its certificate,
 * and returns the certificate's public verification code.
 */
export async function earnLinuxCertificate(email: string): Promise<string> {
  const earned = await certificateCode(email, LINUX.title);
  if (earned) return earned; // from an earlier run against the same stack
  const enrollmentId = await enroll(email, LINUX.id);
  for (const reading of LINUX.readings) {
    await graph(email, 'mutation($i: CompleteReadingInput!) { completeReading(input: $i) { enrollment { id } } }',
      { i: { enrollmentId, cubeId: reading.id } });
  }
  await graph(email, SUBMIT, { i: { questionId: LINUX.quiz.pwd.questionId, choices: [LINUX.quiz.pwd.choiceId] } });
  await graph(email, SUBMIT, { i: { questionId: LINUX.quiz.port.questionId, number: LINUX.quiz.port.answer } });
  const labId = await runningLab(email, LINUX.lab.id);
  await graph(email, SUBMIT, { i: { questionId: LINUX.lab.flagQuestionId, flag: LINUX.lab.flag } });
  for (const objectiveId of LINUX.lab.objectives) {
    // what the in-VM checker reports; for a platform lab root may confirm it too
    await graph('root@cycube.local', 'mutation($i: RecordLabObjectiveInput!) { recordLabObjective(input: $i) { lab { id } } }',
      { i: { labId, objectiveId } });
  }
  return eventually(`a certificate of ${email} for ${LINUX.title}`, () => certificateCode(email, LINUX.title), 90_000);
}

async function certificateCode(email: string, courseTitle: string): Promise<string | undefined> {
  const reply = await call<{ me: { certificates: { courseTitle: string; verificationCode: string }[] } }>(email,
    '{ me { certificates { courseTitle verificationCode } } }');
  return reply.data?.me.certificates.find((certificate) => certificate.courseTitle === courseTitle)?.verificationCode;
}

/** "Web Application Attacks" (GLOBAL): a reading, a lab, a reading, a quiz — the screens the accessibility check opens. */
export const WEBAPP = {
  id: 'course-webapp',
  title: 'Web Application Attacks',
  reading: { id: 'cube-webapp-sqli', title: 'SQL Injection Explained' },
  quiz: { id: 'cube-webapp-auth-quiz', title: 'Authentication Attacks Quiz' },
  lab: { id: 'cube-webapp-sqli-lab', title: 'Exploit a Vulnerable Login Form' },
} as const;
