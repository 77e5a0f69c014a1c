import { describe, expect, it } from 'vitest';
import {
  STUDY_DESIGN_LABEL,
  STUDY_DESIGN_LEVEL,
  STUDY_DESIGNS,
  suggestStudyDesign,
} from '@/lib/citations/study-design';

const byTypes = (...publicationTypes: string[]) => suggestStudyDesign({ publicationTypes, title: null });
const byTitle = (title: string) => suggestStudyDesign({ publicationTypes: ['journal-article'], title });

describe('suggestStudyDesign', () => {
  it.each([
    [['Journal Article', 'Meta-Analysis'], 'META_ANALYSIS', 'LEVEL_1'],
    [['Systematic Review'], 'SYSTEMATIC_REVIEW', 'LEVEL_1'],
    [['Journal Article', 'Randomized Controlled Trial'], 'RANDOMISED_TRIAL', 'LEVEL_2'],
    [['Controlled Clinical Trial'], 'NON_RANDOMISED_TRIAL', 'LEVEL_3'],
    [['Observational Study'], 'OBSERVATIONAL', 'LEVEL_3'],
    [['Case Reports'], 'CASE_SERIES', 'LEVEL_4'],
    [['Review'], 'REVIEW', 'LEVEL_5'],
    [['Editorial'], 'EDITORIAL', 'LEVEL_5'],
    [['Letter', 'Comment'], 'EDITORIAL', 'LEVEL_5'],
  ])('reads PubMed publication types %j as %s, CEBM %s', (types, design, level) => {
    expect(byTypes(...types)).toEqual({ design, level, basis: 'publication type' });
  });

  it('takes the strongest design a source is tagged with, whatever the order', () => {
    expect(byTypes('Review', 'Systematic Review', 'Meta-Analysis', 'Journal Article')?.design).toBe(
      'META_ANALYSIS',
    );
    expect(byTypes('Comment', 'Randomized Controlled Trial')?.design).toBe('RANDOMISED_TRIAL');
  });

  it('falls back on the title when the types name no design, and says so', () => {
    expect(
      suggestStudyDesign({ publicationTypes: ['Journal Article'], title: 'A cohort of 2,000 adults' }),
    ).toEqual({ design: 'COHORT', level: 'LEVEL_3', basis: 'title' });
  });

  it.each([
    ['Naltrexone for depression: a systematic review and meta-analysis', 'META_ANALYSIS'],
    ['Systematic review of opioid antagonists', 'SYSTEMATIC_REVIEW'],
    ['A randomised, double-blind, placebo-controlled trial of LDN', 'RANDOMISED_TRIAL'],
    ['Randomized proof-of-concept study of naltrexone', 'RANDOMISED_TRIAL'],
    ['A non-randomised controlled trial of LDN', 'NON_RANDOMISED_TRIAL'],
    ['Depression in a prospective cohort of veterans', 'COHORT'],
    ['Opioid use and depression: a case-control study', 'CASE_CONTROL'],
    ['Low-dose naltrexone in three patients: a case series', 'CASE_SERIES'],
    ['Naltrexone lowers microglial activation in mice', 'MECHANISTIC'],
    ['Endorphins and mood: a review', 'REVIEW'],
    ['Editorial: the promise of LDN', 'EDITORIAL'],
  ])('reads the title "%s" as %s', (title, design) => {
    expect(byTitle(title)?.design).toBe(design);
  });

  it('suggests nothing when neither types nor title say anything', () => {
    expect(byTypes('Journal Article', 'Multicenter Study')).toBeNull();
    expect(byTitle('Naltrexone and the brain')).toBeNull();
    expect(suggestStudyDesign({ publicationTypes: [], title: null })).toBeNull();
  });

  it('gives every design a label and a level on the CEBM scale', () => {
    for (const design of STUDY_DESIGNS) {
      expect(STUDY_DESIGN_LABEL[design]).toMatch(/^[a-z]/);
      expect(STUDY_DESIGN_LEVEL[design]).toMatch(/^LEVEL_[1-5]$/);
    }
  });
});
