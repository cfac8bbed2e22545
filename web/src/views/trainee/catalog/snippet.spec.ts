import { describe, expect, it } from 'vitest';
import { durationParts } from '../format';
import { decodeEntities, parseSnippet } from './snippet';

describe('search snippets', () => {
  it('marks the words between <em> tags and keeps the rest as text', () => {
    expect(parseSnippet('Spot <em>phishing</em> emails')).toEqual([
      { text: 'Spot ', matched: false },
      { text: 'phishing', matched: true },
      { text: ' emails', matched: false },
    ]);
  });

  it('decodes the escaped characters instead of letting them become markup', () => {
    expect(parseSnippet('&lt;img src=x&gt; &amp; &quot;<em>x</em>&#39;')).toEqual([
      { text: '<img src=x> & "', matched: false },
      { text: 'x', matched: true },
      { text: "'", matched: false },
    ]);
    expect(decodeEntities('&#x27;&#65;&unknown;')).toBe("'A&unknown;");
  });
});

describe('course durations', () => {
  it('splits minutes into hours and minutes', () => {
    expect(durationParts(45)).toEqual({ hours: 0, minutes: 45 });
    expect(durationParts(120)).toEqual({ hours: 2, minutes: 0 });
    expect(durationParts(75)).toEqual({ hours: 1, minutes: 15 });
  });
});
