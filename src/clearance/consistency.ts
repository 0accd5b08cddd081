/**
 * Links between records that a foreign key cannot check: a release comes from the activity
 * whose kind produces it (IMAS 07.11: non-technical survey cancels, technical survey reduces,
 * clearance clears), on that activity's hazard area, while the activity ran.
 */
import type { Activity, ActivityKind, DevicesDestroyed, HazardArea, LandRelease, ReleaseKind } from './model.js';

export interface LinkProblem {
  field: string;
  expected: string;
}

export const RELEASE_BY: Record<ReleaseKind, ActivityKind> = {
  cancelled: 'non-technical-survey',
  reduced: 'technical-survey',
  cleared: 'clearance',
};

function duringActivity(date: string, activity: Activity): LinkProblem[] {
  if (date < activity.start)
    return [{ field: 'date', expected: `a date on or after activity ${activity.id} started (${activity.start})` }];
  if (activity.end !== null && date > activity.end)
    return [{ field: 'date', expected: `a date on or before activity ${activity.id} ended (${activity.end})` }];
  return [];
}

export function releaseLinkProblems(
  release: Pick<LandRelease, 'hazardAreaId' | 'kind' | 'date'>,
  activity: Activity,
  area: HazardArea,
): LinkProblem[] {
  const problems: LinkProblem[] = [];
  if (activity.hazardAreaId !== release.hazardAreaId)
    problems.push({
      field: 'activityId',
      expected: `an activity on hazard area ${release.hazardAreaId} (activity ${activity.id} is on ${activity.hazardAreaId})`,
    });
  if (RELEASE_BY[release.kind] !== activity.kind)
    problems.push({
      field: 'kind',
      expected: `land ${release.kind} by a ${RELEASE_BY[release.kind]} activity (activity ${activity.id} is a ${activity.kind})`,
    });
  if (release.date < area.informationDate)
    problems.push({
      field: 'date',
      expected: `a date on or after hazard area ${area.id} was recorded (${area.informationDate})`,
    });
  problems.push(...duringActivity(release.date, activity));
  return problems;
}

export function devicesLinkProblems(devices: Pick<DevicesDestroyed, 'date'>, activity: Activity): LinkProblem[] {
  return duringActivity(devices.date, activity);
}
