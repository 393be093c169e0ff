//! What each vocabulary code covers, in both languages, for the codebook
//! page and the API's codebook document. The codes and short labels come
//! from `unrest-codebook`; these are the longer explanations a reader needs
//! to use a filter or a column correctly.

/// The definition of a code of a vocabulary (by the vocabulary's name), in
/// (Chinese, English); empty strings for a code this table does not know.
pub fn definition(vocab: &str, code: &str) -> (&'static str, &'static str) {
    match (vocab, code) {
        ("issues", "labor.wages") => ("工资被拖欠、扣押或削减。", "Wages unpaid, withheld or cut."),
        ("issues", "labor.social_insurance") => (
            "单位未缴社保、养老金或住房公积金。",
            "Employer did not pay social insurance, pension or housing fund contributions.",
        ),
        ("issues", "labor.conditions") => (
            "工时、过劳、安全生产，以及工作中的伤亡。",
            "Working hours, overwork, safety, and deaths or injuries at work.",
        ),
        ("issues", "labor.layoffs") => (
            "解雇、搬迁、关厂和经济补偿。",
            "Dismissals, relocation, closure and severance.",
        ),
        ("issues", "land") => (
            "征地、出售集体土地、强拆及土地补偿。",
            "Land seizure, sale of collective land, demolition and land compensation.",
        ),
        ("issues", "housing") => (
            "业主纠纷：烂尾楼、开发商、物业管理。",
            "Homeowners' disputes: unfinished buildings, developers, property management.",
        ),
        ("issues", "environment") => (
            "污染，以及有害设施的选址。",
            "Pollution and the siting of harmful facilities.",
        ),
        ("issues", "finance") => (
            "诈骗、借贷或投资平台爆雷、存款被冻结。",
            "Fraud, collapsed lending or investment platforms, frozen deposits.",
        ),
        ("issues", "health") => ("医疗事故与医患纠纷。", "Medical malpractice and hospital disputes."),
        ("issues", "veterans") => (
            "退役军人的安置、待遇和补贴。",
            "Veterans' resettlement, pensions and subsidies.",
        ),
        ("issues", "policy.livelihood") => (
            "断人生计的政府措施：禁令、强制关停、检查、罚款。",
            "A government measure that destroys a living: bans, forced closures, inspections, fines.",
        ),
        ("issues", "policy.customs") => (
            "针对习俗、宗教或民族习惯的政府措施。",
            "A government measure against customs, religion or ethnic practice.",
        ),
        ("issues", "official_abuse") => (
            "滥用职权、暴力执法、贪污腐败。",
            "Abuse of power, police violence, corruption, embezzlement.",
        ),
        ("issues", "justice") => (
            "冤案、羁押，以及访民针对法院或官员的申诉。",
            "Wrongful convictions, detention, and petitioners' grievances against courts or officials.",
        ),
        ("issues", "education") => (
            "学校：撤并、收费、安全、教师工资。",
            "Schools: closures, fees, safety, teachers' pay.",
        ),
        ("issues", "consumer") => ("产品安全、退款和服务。", "Product safety, refunds and services."),
        ("issues", "other") => ("以上都不是。", "None of the above."),
        ("groups", "workers") => ("各类雇员。", "Employees of any kind."),
        ("groups", "villagers") => (
            "以村为单位行动的农民和农村居民。",
            "Farmers and other rural residents acting as a village.",
        ),
        ("groups", "fishers") => ("渔民。", "Fishers."),
        ("groups", "veterans") => ("退役军人。", "Veterans."),
        ("groups", "investors") => (
            "储户、出借人和理财产品购买者。",
            "Depositors, lenders and buyers of financial products.",
        ),
        ("groups", "homeowners") => ("业主。", "Homeowners."),
        ("groups", "families") => ("受害者的亲属。", "Relatives of a victim."),
        ("groups", "residents") => (
            "城市居民、当地市民和到场支持者。",
            "Urban residents, local citizens and supporters on site.",
        ),
        ("groups", "students") => ("学生。", "Students."),
        ("groups", "parents") => ("家长。", "Parents."),
        ("groups", "teachers") => ("教师。", "Teachers."),
        ("groups", "drivers") => (
            "出租车、网约车、外卖和货车司机。",
            "Taxi, ride-hailing, delivery and truck drivers.",
        ),
        ("groups", "merchants") => ("店主和摊贩。", "Shopkeepers and vendors."),
        ("groups", "believers") => ("宗教或民族社群。", "Religious or ethnic communities."),
        ("groups", "retirees") => ("退休人员。", "Retirees."),
        ("groups", "petitioners") => ("上访者。", "Petitioners."),
        ("groups", "online_public") => ("在网上行动的网民。", "Internet users acting online."),
        ("tactics", "strike") => ("停止工作。", "Stopping work."),
        ("tactics", "assembly") => (
            "在某处聚集、示威、抗议。",
            "Gathering, demonstrating or protesting at a site.",
        ),
        ("tactics", "sit_in") => ("静坐。", "Sitting in."),
        ("tactics", "march") => ("游行或列队行进。", "Marching or processions."),
        ("tactics", "blockade") => (
            "堵路、堵门、拦车或阻止施工。",
            "Blocking roads, gates, vehicles or construction.",
        ),
        ("tactics", "petition") => (
            "到政府机关或信访部门要求解决。",
            "Going to a government office or petition bureau to demand redress.",
        ),
        ("tactics", "online_appeal") => (
            "网上发帖、实名举报、直播、求助。",
            "Posting accounts, real-name accusations, live streams or calls for help online.",
        ),
        ("tactics", "banners") => ("横幅、标语、标牌。", "Banners, slogans, placards."),
        ("tactics", "kneeling") => ("下跪或爬行。", "Kneeling or crawling."),
        ("tactics", "confrontation") => (
            "冲撞警戒线、扭打、投掷物品。",
            "Pushing through lines, scuffles, throwing objects.",
        ),
        ("tactics", "self_harm") => ("以自杀或自残相威胁。", "Threatening suicide or self-harm as protest."),
        ("tactics", "legal_action") => ("起诉或正式投诉。", "Lawsuits or formal complaints."),
        ("tactics", "occupation") => ("占据或守护某一场所。", "Occupying or guarding a site."),
        ("targets", "government") => ("任何一级政府或其部门。", "Any level of government or its departments."),
        ("targets", "village_committee") => ("村民委员会。", "The village committee."),
        ("targets", "police") => ("警方。", "The police."),
        ("targets", "company") => ("私营雇主或企业。", "A private employer or firm."),
        ("targets", "state_company") => ("国有企业。", "A state-owned enterprise."),
        ("targets", "foreign_company") => ("港澳台资或外资企业。", "A Hong Kong, Taiwan or foreign-funded firm."),
        ("targets", "hospital") => ("医院。", "A hospital."),
        ("targets", "school") => ("学校。", "A school."),
        ("targets", "developer") => ("房地产开发商。", "A property developer."),
        ("targets", "financial_platform") => ("借贷或投资平台。", "A lending or investment platform."),
        _ => ("", ""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unrest_codebook::{Group, Issue, Tactic, Target, Vocabulary};

    fn all_defined<V: Vocabulary>() {
        for v in V::ALL {
            let (zh, en) = definition(V::NAME, v.code());
            assert!(!zh.is_empty() && !en.is_empty(), "{} {}", V::NAME, v.code());
        }
    }

    #[test]
    fn every_code_is_defined_in_both_languages() {
        all_defined::<Issue>();
        all_defined::<Group>();
        all_defined::<Tactic>();
        all_defined::<Target>();
    }
}
