//! The chapters' words. Every figure is a `{token}` (see `words.rs`): from the run, or from
//! AWS's timeline and labelled "AWS". No digit is typed here (a test checks).

use cascade_sim::clock::{at, historical};
use cascade_sim::Milestone;

#[cfg(not(target_arch = "wasm32"))]
use super::claims;
use super::{Anchor, Chapter, Checkpoint};
use crate::draw::views::View;

/// The chapters, in order.
pub const CHAPTERS: &[Chapter] = &[
    Chapter {
        id: "rest",
        title: "The fleet at rest",
        claim: "Every front-end server keeps a thread for each of its peers.",
        time: at(2, 0),
        anchor: Anchor::Fixed,
        #[cfg(not(target_arch = "wasm32"))]
        holds: Some(claims::rest),
        range: (at(0, 0), historical::CAPACITY_ADD_START),
        views: &[View::Fleet, View::Discovery, View::Threads],
        highlight: None,
        text: &[
            "Kinesis has a cellular back end that owns the shards, and a front end of many thousands of servers that authenticates, throttles and routes each request to the right back-end cluster. The front end was not cellular: one big fleet.",
            "To route, every front-end server keeps a shard-map (which back-end cluster owns which shard of data), built partly from a stream of messages from every other front-end server. For that stream each server runs operating-system threads for each of its peers, so the threads per server grow with the size of the fleet. Each cell on the canvas is a server; the close-up shows a few servers' threads, one per known peer.",
        ],
        source: "AWS summary, description of the front-end fleet and the shard-map",
        operators: false,
        checkpoint: None,
    },
    Chapter {
        id: "addition",
        title: "A small addition of capacity",
        claim: "A routine capacity addition begins at {m:capacity_add_started}. Nothing fails yet.",
        time: historical::CAPACITY_ADD_START,
        anchor: Anchor::Milestone(Milestone::CapacityAddStarted),
        #[cfg(not(target_arch = "wasm32"))]
        holds: Some(claims::addition),
        range: (at(2, 40), at(3, 50)),
        views: &[View::Fleet, View::Discovery],
        highlight: None,
        text: &[
            "At {m:capacity_add_started} PST operators begin adding {p:fleet.added} servers, a relatively small amount of capacity, to a front-end fleet of {p:fleet.servers}; the addition finishes at {m:capacity_add_finished} (AWS: {aws:capacity_add_started} to {aws:capacity_add_finished}; the numbers of servers are the model's assumption). The new servers are marked with a dot on the fleet canvas.",
            "Nothing fails at this point. This is the trigger, and it will not look like one: a routine change that had been made many times before.",
        ],
        source: "AWS summary, timeline: {aws:capacity_add_started} to {aws:capacity_add_finished} PST",
        operators: false,
        checkpoint: None,
    },
    Chapter {
        id: "discovery",
        title: "An hour of discovery",
        claim: "Each server learns of the new peers over up to an hour.",
        time: at(3, 30),
        anchor: Anchor::Fixed,
        #[cfg(not(target_arch = "wasm32"))]
        holds: Some(claims::discovery),
        range: (historical::CAPACITY_ADD_START, at(4, 50)),
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
        claim: "From {every_past} every server is past the thread limit. Old shard-maps still route.",
        time: at(4, 14),
        anchor: Anchor::EveryServerPastLimit,
        #[cfg(not(target_arch = "wasm32"))]
        holds: Some(claims::limit),
        range: (at(3, 0), at(5, 0)),
        views: &[View::Threads, View::Fleet],
        highlight: Some("frontend"),
        text: &[
            "The new capacity pushes every server in the fleet past the maximum number of threads allowed by an operating-system configuration: in the model, every server is past it from {every_past}. Beyond it, thread creation fails, and the shard-map cache cannot be completed: the server is left with a map it can no longer rebuild. On the fleet it turns orange: past the limit, still routing with its old map. It turns vermillion only once that map is too old and its requests fail.",
            "A new server that boots knowing the whole fleet is past the limit from its first minute: it never builds a map at all, and fails every request it gets. AWS saw errors from existing and new members alike.",
            "AWS names neither the setting nor its value. The model assumes {p:threads.limit} threads (a common per-user limit) and a base of {p:threads.base} threads per server; change them in the scenario panel to see how the picture moves.",
        ],
        source: "AWS summary: 'caused all of the servers in the fleet to exceed the maximum number of threads allowed by an operating system configuration'",
        operators: false,
        checkpoint: Some(Checkpoint {
            id: "first-alarm",
            question: "The capacity addition starts at {m:capacity_add_started} and finishes at {m:capacity_add_finished}. When does the first alarm fire?",
            choices: &[
                "Within minutes, as soon as the addition starts",
                "As soon as the addition finishes",
                "An hour or two after it finishes",
                "Only when the root cause is confirmed",
            ],
            answer: 2,
            at: None,
            why: "The servers pass the limit during the addition, but they keep routing with shard-maps that are still mostly right; requests start failing only as those maps age.",
        }),
    },
    Chapter {
        id: "alarm",
        title: "The first alarm: the trigger is not the root cause",
        claim: "The first alarm fires at {m:first_alarm}, {since:first_alarm} after the trigger.",
        time: historical::FIRST_ALARM,
        anchor: Anchor::Milestone(Milestone::FirstAlarm),
        #[cfg(not(target_arch = "wasm32"))]
        holds: Some(claims::alarm),
        range: (at(3, 0), at(6, 0)),
        views: &[View::Errors, View::Fleet],
        highlight: Some("kinesis"),
        text: &[
            "At {m:first_alarm} PST in the model the first alarms fire (AWS: {aws:first_alarm}): errors putting and getting Kinesis records. The capacity addition began {since:first_alarm} earlier, and had finished at {m:capacity_add_finished}.",
            "In the model the lag comes from the maps themselves: a server that can no longer rebuild its map keeps routing with the last good one, which ages until it is useless. That is the model's reading; AWS does not explain the lag. The point for a postmortem: the change that triggered the outage was long over when the alarm fired, and looked harmless.",
        ],
        source: "AWS summary, timeline: {aws:first_alarm} PST first alarms",
        operators: false,
        checkpoint: None,
    },
    Chapter {
        id: "diagnosis",
        title: "Diagnosis, and the memory-pressure red herring",
        claim: "Memory pressure looked like the cause. The thread limit was confirmed at {m:root_cause_confirmed}.",
        time: historical::CANDIDATES_NARROWED,
        anchor: Anchor::Milestone(Milestone::CauseNarrowed),
        #[cfg(not(target_arch = "wasm32"))]
        holds: Some(claims::diagnosis),
        range: (historical::FIRST_ALARM, historical::ROOT_CAUSE),
        views: &[View::Graph, View::Errors],
        highlight: Some("kinesis"),
        text: &[
            "Errors showed up in all kinds of calls, and some looked unrelated to the new capacity. For hours the leading candidate was memory pressure. By {m:cause_narrowed} (AWS: {aws:cause_narrowed}) the team had narrowed the cause to a couple of candidates and judged that any fix would need a full restart of the front-end fleet.",
            "That made a wrong guess expensive: each attempt costs a full restart, so a wrong one would have doubled the recovery. The root cause, the thread limit, was confirmed at {m:root_cause_confirmed} (AWS: {aws:root_cause_confirmed}).",
            "This chapter shows what the operators saw, not the truth: AWS's monitoring ran on CloudWatch, and CloudWatch ingests metrics through Kinesis. With Kinesis failing, its alarms sit in INSUFFICIENT_DATA (too few datapoints arrive to say OK or ALARM), the charts have no fresh datapoints, and the Service Health Dashboard's posting tool cannot sign in. Switch \"What the operators saw\" off to see what was true.",
            "The what-if memory-fix-first runs that wrong guess: the team bets on memory pressure, restarts the whole fleet with a memory fix, finds it does not help, then removes the capacity and restarts again. In the model the second restart comes out of the first, not out of a number typed in.",
        ],
        source: "AWS summary, timeline: {aws:cause_narrowed} narrowed; {aws:root_cause_confirmed} root cause confirmed",
        operators: true,
        checkpoint: Some(Checkpoint {
            id: "operators",
            question: "At {now} in the model Kinesis fails {err_now} of requests. What could the operators see on their CloudWatch dashboards?",
            choices: &[
                "The error rate, and the alarm in ALARM",
                "Alarms in INSUFFICIENT_DATA, and no datapoint from the last half hour",
                "Nothing unusual: every dashboard normal",
            ],
            answer: 1,
            at: Some(at(6, 30)),
            why: "CloudWatch ingests metrics through Kinesis: with Kinesis failing, too few of each minute's datapoints arrive for its alarms to evaluate, and what clients buffer comes back only hours later.",
        }),
    },
    Chapter {
        id: "removal",
        title: "Why removing the capacity was not enough",
        claim: "Removing the new capacity is not enough: every server must restart.",
        time: historical::ROOT_CAUSE,
        anchor: Anchor::Milestone(Milestone::CapacityRemovalFinished),
        #[cfg(not(target_arch = "wasm32"))]
        holds: Some(claims::removal),
        range: (at(5, 39), historical::ROOT_CAUSE),
        views: &[View::Fleet, View::Threads],
        highlight: Some("frontend"),
        text: &[
            "As a precaution, operators removed the added capacity after the first alarm; in the model the removal completes at {m:capacity_removal_finished} (AWS: just completed at {aws:capacity_removal_finished}). Removing the servers brings every server's wanted threads back under the limit.",
            "Watch the fleet canvas while the removal runs.",
        ],
        source: "AWS summary: removal of the capacity, completed at {aws:capacity_removal_finished}; the fleet still had to be restarted",
        operators: false,
        checkpoint: Some(Checkpoint {
            id: "removal",
            question: "The removal brings every server's wanted threads back under the limit. What happens to the failing servers?",
            choices: &[
                "They recover as their threads fall under the limit",
                "Nothing improves: each stays broken until it is restarted",
                "They get worse: the removal itself causes new errors",
            ],
            answer: 1,
            at: None,
            why: "A server whose shard-map construction failed keeps its useless map; getting under the limit again does not rebuild it. Only a restart does.",
        }),
    },
    Chapter {
        id: "restart",
        title: "The slow restart, and why faster would have been slower",
        claim: "The fleet comes back {p:restart.per_hour} servers an hour: faster would be slower.",
        time: historical::FIRST_TRAFFIC,
        anchor: Anchor::Milestone(Milestone::FirstTrafficAfterRestart),
        #[cfg(not(target_arch = "wasm32"))]
        holds: Some(claims::restart),
        range: (historical::ROOT_CAUSE, at(16, 0)),
        views: &[View::Fleet, View::States],
        highlight: None,
        text: &[
            "At {m:restart_started}, with the root cause confirmed and the removal complete, the restart begins. Restarted servers read their shard-map from the authoritative metadata store, a change AWS made to speed the restart; they first take traffic at {m:first_traffic_after_restart} (AWS: {aws:first_traffic_after_restart}). A restarting server first goes through a cold start: it builds its map before it takes any traffic.",
            "A restarted server still completes its shard-map while it serves, and that work competes with requests inside the server. Bring servers back too fast and the warming ones are starved, slow, judged unhealthy by health checks and taken out of rotation (the servers taking traffic), which sets recovery back. So even with the faster bootstrap, operators added only a few hundred servers an hour (the model: {p:restart.per_hour}), and Kinesis was fully back at {m:kinesis_recovered} (AWS: {aws:kinesis_recovered}).",
            "The model's numbers for this (the store's capacity, the cost of the warm-up) are assumed. Try the restart-rate slider in the lab, and the what-ifs restart-too-fast and peer-bootstrap (the change not made): both recover later.",
        ],
        source: "AWS summary: 'a few hundred per hour'; {aws:first_traffic_after_restart} first traffic; {aws:kinesis_recovered} fully recovered",
        operators: false,
        checkpoint: Some(Checkpoint {
            id: "faster-restart",
            question: "What if operators had restarted three times as fast?",
            choices: &[
                "Kinesis recovers about three times sooner",
                "About the same: the rate hardly matters",
                "Later: starved servers fail health checks and are evicted",
            ],
            answer: 2,
            at: None,
            why: "A restarted server still completes its shard-map while it serves, and every server joining or leaving rotation adds to that work; too many at once and the warming servers turn slow, health checks evict them, and the operators have to back off and go again.",
        }),
    },
    Chapter {
        id: "cascade",
        title: "The cascade",
        claim: "Kinesis fails at {fails:kinesis}; CloudWatch, EventBridge and Cognito follow, as they run on it.",
        time: historical::COGNITO_SPIKE,
        anchor: Anchor::ServiceFails("cognito"),
        #[cfg(not(target_arch = "wasm32"))]
        holds: Some(claims::cascade),
        range: (at(5, 0), at(18, 0)),
        views: &[View::Graph, View::Health],
        highlight: Some("cognito"),
        text: &[
            "CloudWatch ingests metrics and logs through Kinesis: in the model it fails from {fails:cloudwatch}, its alarms go to INSUFFICIENT_DATA, most metrics are not processed (some still are), and what overflows the clients' buffers is lost; reactive Auto Scaling waits for metrics that do not arrive. Lambda's metric agents buffer in memory until invocation hosts run short of memory: in the model invocation errors rise from {m:lambda_errors_started} (AWS: {aws:lambda_errors_started}) and are resolved at {m:lambda_recovered} (AWS: {aws:lambda_recovered}).",
            "Cognito ships usage data to Kinesis through buffers; a latent bug makes its webservers block when the buffers are full, and in the model Cognito fails from {fails:cognito} (AWS: error rates rise sharply at {aws:cognito_errors_spike}). The Service Health Dashboard's posting tool signs in through Cognito, so support falls back to a slower backup tool. EventBridge queues events it cannot deliver, and ECS and EKS, whose cluster workflows run on it, stall until {m:ecs_eks_recovered} (AWS: {aws:ecs_eks_recovered}).",
        ],
        source: "AWS summary, sections on CloudWatch, Lambda, Cognito, EventBridge, ECS/EKS and the Service Health Dashboard",
        operators: false,
        checkpoint: None,
    },
    Chapter {
        id: "recovery",
        title: "Recovery",
        claim: "Kinesis is fully back at {m:kinesis_recovered}, after {outage} of outage.",
        time: historical::KINESIS_NORMAL,
        anchor: Anchor::Milestone(Milestone::KinesisRecovered),
        #[cfg(not(target_arch = "wasm32"))]
        holds: Some(claims::recovery),
        range: (at(10, 0), at(23, 0)),
        views: &[View::Errors, View::States, View::Health],
        highlight: None,
        text: &[
            "From {m:kinesis_errors_falling} (AWS: {aws:kinesis_errors_falling}) the Kinesis error rate falls steadily as restarted servers return. In the model Cognito is normal at {m:cognito_recovered} (AWS: {aws:cognito_recovered}), most ECS and EKS issues are resolved by {m:ecs_eks_recovered} (AWS: {aws:ecs_eks_recovered}), CloudWatch shows early recovery at {m:cloudwatch_early_recovery} (AWS: {aws:cloudwatch_early_recovery}) and Auto Scaling's delays end.",
            "Kinesis is fully back at {m:kinesis_recovered} (AWS: {aws:kinesis_recovered}): {outage} after its first alarm (AWS: {aws:outage}). CloudWatch follows at {m:cloudwatch_recovered} (AWS: {aws:cloudwatch_recovered}); over the following hours it backfills the metrics its clients buffered, and what overflowed stays a gap.",
        ],
        source: "AWS summary, timeline from {aws:kinesis_errors_falling} to {aws:cloudwatch_recovered} PST",
        operators: false,
        checkpoint: None,
    },
    Chapter {
        id: "remediations",
        title: "What AWS changed, one click away",
        claim: "AWS's fixes: larger servers, thread alarms, faster cold starts, a cellular front end.",
        time: at(6, 0),
        anchor: Anchor::Fixed,
        #[cfg(not(target_arch = "wasm32"))]
        holds: None,
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
        time: historical::KINESIS_NORMAL,
        anchor: Anchor::Fixed,
        #[cfg(not(target_arch = "wasm32"))]
        holds: None,
        range: (at(2, 30), at(23, 0)),
        // The analysis waits for the reader's guess: the story panel starts it on request.
        views: &[View::Errors],
        highlight: None,
        text: &[
            crate::explain::sensitivity::INTRO,
            "Before computing, guess: which assumption moves Kinesis's recovery most, and which moves the first alarm? The longest bars are what the replay's conclusions lean on; the timeline AWS published is what they must honour.",
        ],
        source: "The model's parameter registry, with the reason for every range; AWS summary for the times",
        operators: false,
        checkpoint: None,
    },
];
