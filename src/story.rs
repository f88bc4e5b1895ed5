//! The guided story for workshops: chapters that walk through the day, each setting the time,
//! the views and what is highlighted, with narration written for this project from AWS's summary
//! (<https://aws.amazon.com/message/11201/>), and four predict-then-reveal checkpoints whose
//! answers come from the model, not from this text.

use cascade_sim::clock::{at, Minute};

use crate::views::{View, ViewSet};

/// A question the learner answers before seeing the model's answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Checkpoint {
    /// Name under which the learner's guess is kept.
    pub id: &'static str,
    /// The question.
    pub question: &'static str,
    /// The choices.
    pub choices: &'static [&'static str],
    /// Which choice the model and AWS's summary support.
    pub answer: usize,
    /// Why, in a sentence (the model's figures are added by the page).
    pub why: &'static str,
}

/// One chapter of the story.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Chapter {
    /// Name in deep links (`?story=alarm`).
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// The chapter's point in 15 words or fewer: all the presenter view puts on the screen.
    pub claim: &'static str,
    /// The minute the chapter opens at.
    pub time: Minute,
    /// The part of the day "Play this part" plays.
    pub range: (Minute, Minute),
    /// The views shown.
    pub views: &'static [View],
    /// The service highlighted (its detail opened), if any.
    pub highlight: Option<&'static str>,
    /// The narration.
    pub text: &'static [&'static str],
    /// Where the facts come from.
    pub source: &'static str,
    /// Whether the chapter shows what the operators saw instead of the truth.
    pub operators: bool,
    /// A question to answer before reading on.
    pub checkpoint: Option<Checkpoint>,
}

impl Chapter {
    /// The chapter's views as a set.
    pub fn view_set(&self) -> ViewSet {
        let none = VIEWS_NONE;
        self.views.iter().fold(none, |set, v| set.with(*v, true))
    }
}

const VIEWS_NONE: ViewSet = ViewSet::NONE;

/// The chapters, in order.
pub const CHAPTERS: &[Chapter] = &[
    Chapter {
        id: "rest",
        title: "The fleet at rest",
        claim: "Every front-end server keeps a thread for each of its peers.",
        time: at(2, 0),
        range: (at(0, 0), at(2, 44)),
        views: &[View::Fleet, View::Discovery, View::Threads],
        highlight: None,
        text: &[
            "Kinesis has a cellular back end that owns the shards, and a front end of many thousands of servers that authenticates, throttles and routes each request to the right back-end cluster. The front end was not cellular: one big fleet.",
            "To route, every front-end server keeps a shard-map, built partly from a stream of messages from every other front-end server. For that stream each server runs operating-system threads for each of its peers, so the threads per server grow with the size of the fleet. Each cell on the canvas is a server; the close-up shows a few servers' threads, one per known peer.",
        ],
        source: "AWS summary, description of the front-end fleet and the shard-map",
        operators: false,
        checkpoint: None,
    },
    Chapter {
        id: "addition",
        title: "A small addition of capacity",
        claim: "A routine capacity addition begins at 02:44. Nothing fails yet.",
        time: at(2, 44),
        range: (at(2, 40), at(3, 50)),
        views: &[View::Fleet, View::Discovery],
        highlight: None,
        text: &[
            "At 02:44 PST operators begin adding a relatively small amount of capacity to the front-end fleet; the addition finishes at 03:47. The new servers are marked with a dot on the fleet canvas.",
            "Nothing fails at this point. This is the trigger, and it will not look like one: a routine change that had been made many times before.",
        ],
        source: "AWS summary, timeline: 2:44 AM to 3:47 AM PST",
        operators: false,
        checkpoint: None,
    },
    Chapter {
        id: "discovery",
        title: "An hour of discovery",
        claim: "Each server learns of the new peers over up to an hour.",
        time: at(3, 30),
        range: (at(2, 44), at(4, 50)),
        views: &[View::Discovery, View::Threads],
        highlight: None,
        text: &[
            "An existing server does not learn of new peers at once: it takes up to an hour for every member to learn of the new participants. As each server learns of them, it creates threads for them, and its thread gauge climbs toward the limit line.",
            "How long each server takes, and how many threads it already holds, are the model's assumptions: AWS gives neither the per-server delay nor the thread counts. They are labelled as assumed on the charts and in the scenario panel.",
        ],
        source: "AWS summary: 'It takes up to an hour for any existing front-end fleet member to learn of new participants'",
        operators: false,
        checkpoint: None,
    },
    Chapter {
        id: "limit",
        title: "Every server past the limit",
        claim: "Every server passes the thread limit. Old shard-maps still route, for now.",
        time: at(4, 10),
        range: (at(3, 0), at(5, 0)),
        views: &[View::Threads, View::Fleet],
        highlight: Some("frontend"),
        text: &[
            "The new capacity pushes every server in the fleet past the maximum number of threads allowed by an operating-system configuration. Beyond it, thread creation fails, and the shard-map cache cannot be completed: the server is left with a map it can no longer rebuild. On the fleet it turns orange: past the limit, still routing with its old map. It turns red only once that map is too old and its requests fail.",
            "A new server that boots knowing the whole fleet is past the limit from its first minute: it never builds a map at all, and fails every request it gets. AWS saw errors from existing and new members alike.",
            "AWS names neither the setting nor its value. The model assumes 4,096 threads (a common per-user limit) and a base of 350 threads per server; change them in the scenario panel to see how the picture moves.",
        ],
        source: "AWS summary: 'caused all of the servers in the fleet to exceed the maximum number of threads allowed by an operating system configuration'",
        operators: false,
        checkpoint: Some(Checkpoint {
            id: "first-alarm",
            question: "The capacity addition starts at 02:44 and finishes at 03:47. When does the first alarm fire?",
            choices: &[
                "Around 02:50, as soon as the addition starts",
                "Around 03:50, as soon as it finishes",
                "Around 05:15, an hour and a half after it finishes",
                "Around 09:40, when the root cause is confirmed",
            ],
            answer: 2,
            why: "The servers pass the limit during the addition, but they keep routing with shard-maps that are still mostly right; requests start failing only as those maps age.",
        }),
    },
    Chapter {
        id: "alarm",
        title: "The first alarm: the trigger is not the root cause",
        claim: "The first alarm fires at 05:15, two and a half hours after the trigger.",
        time: at(5, 15),
        range: (at(3, 0), at(6, 0)),
        views: &[View::Errors, View::Fleet],
        highlight: Some("kinesis"),
        text: &[
            "At 05:15 PST the first alarms fire: errors putting and getting Kinesis records. The capacity addition finished an hour and a half earlier, and began two and a half hours earlier.",
            "In the model the lag comes from the maps themselves: a server that can no longer rebuild its map keeps routing with the last good one, which ages until it is useless. That is the model's reading; AWS does not explain the lag. The point for a postmortem: the change that triggered the outage was long over when the alarm fired, and looked harmless.",
        ],
        source: "AWS summary, timeline: 5:15 AM PST first alarms",
        operators: false,
        checkpoint: None,
    },
    Chapter {
        id: "diagnosis",
        title: "Diagnosis, and the memory-pressure red herring",
        claim: "Memory pressure looked like the cause. The thread limit was confirmed at 09:39.",
        time: at(7, 51),
        range: (at(5, 15), at(9, 39)),
        views: &[View::Graph, View::Errors],
        highlight: Some("kinesis"),
        text: &[
            "Errors showed up in all kinds of calls, and some looked unrelated to the new capacity. For hours the leading candidate was memory pressure. By 07:51 the team had narrowed the cause to a couple of candidates and judged that any fix would need a full restart of the front-end fleet.",
            "That made a wrong guess expensive: each attempt costs a full restart, so a wrong one would have doubled the recovery. The root cause, the thread limit, was confirmed at 09:39.",
            "This chapter shows what the operators saw, not the truth: AWS's monitoring ran on CloudWatch, and CloudWatch ingests metrics through Kinesis. From about 05:15 its alarms sit in INSUFFICIENT_DATA, the charts have no fresh datapoints, and the Service Health Dashboard's posting tool cannot sign in. Switch \"What the operators saw\" off to see what was true.",
            "The what-if memory-fix-first runs that wrong guess: the team bets on memory pressure, restarts the whole fleet with a memory fix at 07:51, finds it does not help, then removes the capacity and restarts again. In the model the second restart comes out of the first, not out of a number typed in.",
        ],
        source: "AWS summary, timeline: 7:51 AM narrowed; 9:39 AM root cause confirmed",
        operators: true,
        checkpoint: Some(Checkpoint {
            id: "operators",
            question: "At 06:30 Kinesis fails almost every request. What could the operators see on their CloudWatch dashboards?",
            choices: &[
                "The error rate near 100%, and the alarm in ALARM",
                "Alarms in INSUFFICIENT_DATA, and no datapoint newer than before 06:00",
                "Nothing unusual: every dashboard normal",
            ],
            answer: 1,
            why: "CloudWatch ingests metrics through Kinesis: with Kinesis failing, too few of each minute's datapoints arrive for its alarms to evaluate, and what clients buffer comes back only hours later.",
        }),
    },
    Chapter {
        id: "removal",
        title: "Why removing the capacity was not enough",
        claim: "Removing the new capacity is not enough: every server must restart.",
        time: at(9, 38),
        range: (at(5, 39), at(9, 39)),
        views: &[View::Fleet, View::Threads],
        highlight: Some("frontend"),
        text: &[
            "As a precaution, operators removed the added capacity after the first alarm; the removal completed around 09:39. Removing the servers brings every server's thread count back under the limit.",
            "Watch the fleet canvas while the removal runs.",
        ],
        source: "AWS summary: removal of the capacity, completed at 9:39 AM; the fleet still had to be restarted",
        operators: false,
        checkpoint: Some(Checkpoint {
            id: "removal",
            question: "The removal brings every server's threads back under the limit. What happens to the failing servers?",
            choices: &[
                "They recover as their threads fall under the limit",
                "Nothing improves: each stays broken until it is restarted",
                "They get worse: the removal itself causes new errors",
            ],
            answer: 1,
            why: "A server whose shard-map construction failed keeps its useless map; getting under the limit again does not rebuild it. Only a restart does.",
        }),
    },
    Chapter {
        id: "restart",
        title: "The slow restart, and why faster would have been slower",
        claim: "The fleet comes back a few hundred servers an hour: faster would be slower.",
        time: at(10, 7),
        range: (at(9, 39), at(16, 0)),
        views: &[View::Fleet, View::States],
        highlight: None,
        text: &[
            "At 09:39, with the root cause confirmed and the removal complete, the restart begins. Restarted servers read their shard-map from the authoritative metadata store, a change AWS made to speed the restart, and the first ones take traffic at 10:07.",
            "A restarted server still completes its shard-map while it serves, and that work competes with requests inside the server. Bring servers back too fast and the warming ones are starved, slow, judged unhealthy by health checks and removed, which sets recovery back. So even with the faster bootstrap, operators added only a few hundred servers an hour, and Kinesis was fully back at 22:23.",
            "The model's numbers for this (the store's capacity, the cost of the warm-up) are assumed. Try the restart-rate slider in the lab, and the what-ifs restart-too-fast and peer-bootstrap (the change not made): both recover later.",
        ],
        source: "AWS summary: 'a few hundred per hour'; 10:07 AM first traffic; 10:23 PM fully recovered",
        operators: false,
        checkpoint: Some(Checkpoint {
            id: "faster-restart",
            question: "What if operators had restarted three times faster, about 900 servers an hour?",
            choices: &[
                "Kinesis recovers about three times sooner",
                "About the same: the rate hardly matters",
                "Later: starved servers fail health checks and are evicted",
            ],
            answer: 2,
            why: "A restarted server still completes its shard-map while it serves, and every server joining or leaving rotation adds to that work; too many at once and the warming servers turn slow, health checks evict them, and the operators have to back off and go again.",
        }),
    },
    Chapter {
        id: "cascade",
        title: "The cascade",
        claim: "CloudWatch, Lambda, Cognito and more fail because they run on Kinesis.",
        time: at(7, 1),
        range: (at(5, 0), at(18, 0)),
        views: &[View::Graph, View::Health],
        highlight: Some("cognito"),
        text: &[
            "CloudWatch ingests metrics and logs through Kinesis: from 05:15 its alarms go to INSUFFICIENT_DATA, most metrics are not processed (some still are), and what overflows the clients' buffers is lost; reactive Auto Scaling waits for metrics that do not arrive. Lambda's metric agents buffer in memory until invocation hosts run short of memory (06:15 to 10:36).",
            "Cognito ships usage data to Kinesis through buffers; a latent bug makes its webservers block when the buffers are full, and sign-ins fail from about 07:01. The Service Health Dashboard's posting tool signs in through Cognito, so support falls back to a slower backup tool. EventBridge queues events it cannot deliver, and ECS and EKS, whose cluster workflows run on it, stall until about 16:15.",
        ],
        source: "AWS summary, sections on CloudWatch, Lambda, Cognito, EventBridge, ECS/EKS and the Service Health Dashboard",
        operators: false,
        checkpoint: None,
    },
    Chapter {
        id: "recovery",
        title: "Recovery",
        claim: "Kinesis is fully back at 22:23, nearly twenty hours after the trigger.",
        time: at(16, 15),
        range: (at(10, 0), at(23, 0)),
        views: &[View::Errors, View::States, View::Health],
        highlight: None,
        text: &[
            "From noon the Kinesis error rate falls steadily as restarted servers return. Cognito is normal at 14:18, most ECS and EKS issues are resolved by 16:15, CloudWatch shows early recovery at 17:47 and Auto Scaling's delays end. Kinesis is fully back at 22:23 and CloudWatch at 22:31; over the following hours CloudWatch backfills the metrics its clients buffered, and what overflowed stays a gap.",
        ],
        source: "AWS summary, timeline from 12:00 PM to 10:31 PM PST",
        operators: false,
        checkpoint: None,
    },
    Chapter {
        id: "remediations",
        title: "What AWS changed, one click away",
        claim: "AWS's fixes: larger servers, thread alarms, faster cold starts, a cellular front end.",
        time: at(6, 0),
        range: (at(2, 30), at(12, 0)),
        views: &[View::Fleet, View::Errors],
        highlight: None,
        text: &[
            "AWS announced ten changes. Each is a what-if of the model: open it and replay the day. Which ones prevent the outage, and which only soften one service's part of it?",
        ],
        source: "AWS summary, the remediations listed at its end",
        operators: false,
        checkpoint: None,
    },
    Chapter {
        id: "certainty",
        title: "How sure is the model?",
        claim: "The times are AWS's. The numbers between them are the model's assumptions.",
        time: at(22, 23),
        range: (at(2, 30), at(23, 0)),
        views: &[View::Sensitivity],
        highlight: None,
        text: &[
            "AWS published few numbers, so most of this model's parameters are assumptions. Here each one is set to the low and to the high end of a plausible range, and the model runs the day again. Before computing, guess: which assumption moves Kinesis's recovery most, and which moves the first alarm? The longest bars are what the replay's conclusions lean on; the timeline AWS published is what they must honour.",
        ],
        source: "The model's parameter registry, with the reason for every range; AWS summary for the times",
        operators: false,
        checkpoint: None,
    },
];

/// The chapter with this id.
pub fn find(id: &str) -> Option<usize> {
    CHAPTERS.iter().position(|c| c.id == id)
}

/// The chapters marked on the scrubber's axis, in the order of the day, with the short name
/// written there. The times are the chapters' own: one source for both.
const AXIS: &[(&str, &str)] = &[
    ("addition", "Capacity added"),
    ("limit", "Past the limit"),
    ("alarm", "First alarm"),
    ("diagnosis", "Diagnosis"),
    ("removal", "Capacity removed"),
    ("restart", "Restart"),
    ("recovery", "Recovery"),
];

/// A chapter as the scrubber marks it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct AxisMark {
    /// The chapter's minute.
    pub time: Minute,
    /// The name on the axis.
    pub short: &'static str,
    /// The chapter's full title.
    pub title: &'static str,
}

/// The chapters marked on the scrubber, in time order.
pub fn axis() -> Vec<AxisMark> {
    let mut marks: Vec<AxisMark> = AXIS
        .iter()
        .filter_map(|(id, short)| {
            let c = CHAPTERS[find(id)?];
            Some(AxisMark {
                time: c.time,
                short,
                title: c.title,
            })
        })
        .collect();
    marks.sort_by_key(|m| m.time);
    marks
}

/// The title of the part of the day `t` is in: the last marked chapter at or before it, or the
/// opening chapter before the first.
pub fn part_of_day(t: Minute) -> &'static str {
    axis()
        .iter()
        .rev()
        .find(|m| m.time <= t)
        .map_or(CHAPTERS[0].title, |m| m.title)
}

/// The marked chapter's minute before (`dir < 0`) or after `t`, if any.
pub fn neighbour(t: Minute, dir: i32) -> Option<Minute> {
    let marks = axis();
    if dir < 0 {
        marks.iter().rev().map(|m| m.time).find(|m| *m < t)
    } else {
        marks.iter().map(|m| m.time).find(|m| *m > t)
    }
}

#[cfg(test)]
mod axis_tests {
    use super::*;

    #[test]
    fn every_claim_is_fifteen_words_or_fewer() {
        for c in CHAPTERS {
            let words = c.claim.split_whitespace().count();
            assert!((3..=15).contains(&words), "{}: {words} words", c.id);
        }
    }

    #[test]
    fn every_marked_chapter_exists_and_the_marks_run_in_time_order() {
        let marks = axis();
        assert_eq!(marks.len(), AXIS.len(), "an axis id names no chapter");
        assert!(marks.windows(2).all(|w| w[0].time < w[1].time));
    }

    #[test]
    fn the_part_of_the_day_and_the_neighbours_follow_the_marks() {
        let marks = axis();
        assert_eq!(part_of_day(at(0, 0)), CHAPTERS[0].title);
        assert_eq!(part_of_day(marks[1].time), marks[1].title);
        assert_eq!(part_of_day(marks[1].time + 1), marks[1].title);
        assert_eq!(neighbour(marks[1].time, 1), Some(marks[2].time));
        assert_eq!(neighbour(marks[1].time, -1), Some(marks[0].time));
        assert_eq!(neighbour(marks[0].time, -1), None);
        assert_eq!(neighbour(marks[marks.len() - 1].time, 1), None);
    }
}
