//! The four controlled vocabularies of the codebook (issues, groups, tactics,
//! targets). Codes are the only spelling accepted in JSON; labels in both
//! languages exist for pages and exports.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What every vocabulary offers: its stable code, labels in both languages,
/// and the full list of values (for pickers, facets and validation).
pub trait Vocabulary: Sized + Copy + 'static {
    /// Name of the vocabulary as used in the codebook ("issues", ...).
    const NAME: &'static str;
    /// Every value, in codebook order.
    const ALL: &'static [Self];
    /// The code written in JSON, CSV and URLs.
    fn code(self) -> &'static str;
    /// Short label in Chinese.
    fn label_zh(self) -> &'static str;
    /// Short label in English.
    fn label_en(self) -> &'static str;
    /// Looks a code up; `None` when it is not in the vocabulary.
    fn from_code(code: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|v| v.code() == code)
    }
}

macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident, $vname:literal, { $($(#[$vdoc:meta])* $variant:ident = $code:literal, $zh:literal, $en:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* #[serde(rename = $code)] $variant,)+
        }

        impl Vocabulary for $name {
            const NAME: &'static str = $vname;
            const ALL: &'static [Self] = &[$($name::$variant,)+];
            fn code(self) -> &'static str {
                match self { $($name::$variant => $code,)+ }
            }
            fn label_zh(self) -> &'static str {
                match self { $($name::$variant => $zh,)+ }
            }
            fn label_en(self) -> &'static str {
                match self { $($name::$variant => $en,)+ }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl FromStr for $name {
            type Err = String;
            fn from_str(s: &str) -> Result<Self, String> {
                Self::from_code(s).ok_or_else(|| {
                    let codes: Vec<&str> = Self::ALL.iter().map(|v| v.code()).collect();
                    format!("unknown {} code `{}` (expected one of {})", $vname, s, codes.join(", "))
                })
            }
        }
    };
}

vocabulary!(
    /// The grievance behind an action.
    Issue, "issues", {
    /// Unpaid, withheld or cut wages.
    LaborWages = "labor.wages", "欠薪", "Unpaid wages";
    /// Unpaid social insurance, pension or housing fund contributions.
    LaborSocialInsurance = "labor.social_insurance", "社保", "Social insurance";
    /// Hours, overwork, safety, deaths and injuries at work.
    LaborConditions = "labor.conditions", "劳动条件", "Working conditions";
    /// Dismissal, relocation, closure, severance.
    LaborLayoffs = "labor.layoffs", "裁员搬迁", "Layoffs and closures";
    /// Land seizure, sale of collective land, demolition.
    Land = "land", "土地", "Land";
    /// Homeowners' disputes.
    Housing = "housing", "住房", "Housing";
    /// Pollution and harmful facilities.
    Environment = "environment", "环境", "Environment";
    /// Fraud, collapsed platforms, frozen deposits.
    Finance = "finance", "金融", "Finance";
    /// Medical malpractice and hospital disputes.
    Health = "health", "医疗", "Health care";
    /// Veterans' resettlement, pensions and subsidies.
    Veterans = "veterans", "退役军人", "Veterans";
    /// A government measure that destroys a living.
    PolicyLivelihood = "policy.livelihood", "民生政策", "Livelihood policy";
    /// A government measure against customs, religion or ethnic practice.
    PolicyCustoms = "policy.customs", "习俗宗教政策", "Customs and religion";
    /// Abuse of power, police violence, corruption.
    OfficialAbuse = "official_abuse", "官员滥权", "Official abuse";
    /// Wrongful convictions, detention, petitioners' grievances.
    Justice = "justice", "司法", "Justice";
    /// Schools: closures, fees, safety, teachers' pay.
    Education = "education", "教育", "Education";
    /// Product safety, refunds, services.
    Consumer = "consumer", "消费", "Consumer rights";
    /// None of the above.
    Other = "other", "其他", "Other";
});

vocabulary!(
    /// Who acted.
    Group, "groups", {
    /// Employees of any kind.
    Workers = "workers", "工人", "Workers";
    /// Rural residents acting as a village.
    Villagers = "villagers", "村民", "Villagers";
    /// Fishers.
    Fishers = "fishers", "渔民", "Fishers";
    /// Veterans.
    Veterans = "veterans", "退役军人", "Veterans";
    /// Depositors, lenders, buyers of financial products.
    Investors = "investors", "投资者", "Investors";
    /// Homeowners.
    Homeowners = "homeowners", "业主", "Homeowners";
    /// Relatives of a victim.
    Families = "families", "家属", "Families";
    /// Urban residents, local citizens, supporters on site.
    Residents = "residents", "市民", "Residents";
    /// Students.
    Students = "students", "学生", "Students";
    /// Parents.
    Parents = "parents", "家长", "Parents";
    /// Teachers.
    Teachers = "teachers", "教师", "Teachers";
    /// Taxi, ride-hailing, delivery and truck drivers.
    Drivers = "drivers", "司机", "Drivers";
    /// Shopkeepers, vendors.
    Merchants = "merchants", "商户", "Merchants";
    /// Religious or ethnic communities.
    Believers = "believers", "信众", "Believers";
    /// Retirees.
    Retirees = "retirees", "退休人员", "Retirees";
    /// Petitioners.
    Petitioners = "petitioners", "访民", "Petitioners";
    /// Internet users acting online.
    OnlinePublic = "online_public", "网民", "Online public";
});

vocabulary!(
    /// What the participants did.
    Tactic, "tactics", {
    /// Stopping work.
    Strike = "strike", "罢工", "Strike";
    /// Gathering, demonstrating, protesting at a site.
    Assembly = "assembly", "聚集", "Assembly";
    /// Sit-in.
    SitIn = "sit_in", "静坐", "Sit-in";
    /// Marching, processions.
    March = "march", "游行", "March";
    /// Blocking roads, gates, vehicles, construction.
    Blockade = "blockade", "堵路", "Blockade";
    /// Going to a government office or petition bureau.
    Petition = "petition", "上访", "Petition";
    /// Posting accounts, accusations, live streams online.
    OnlineAppeal = "online_appeal", "网络维权", "Online appeal";
    /// Banners, slogans, placards.
    Banners = "banners", "横幅", "Banners";
    /// Kneeling or crawling.
    Kneeling = "kneeling", "下跪", "Kneeling";
    /// Pushing through lines, scuffles, throwing objects.
    Confrontation = "confrontation", "冲突", "Confrontation";
    /// Threats of suicide or self-harm as protest.
    SelfHarm = "self_harm", "以死相逼", "Self-harm";
    /// Lawsuits, formal complaints.
    LegalAction = "legal_action", "诉讼", "Legal action";
    /// Occupying or guarding a site.
    Occupation = "occupation", "占据", "Occupation";
});

vocabulary!(
    /// Whom the action addressed.
    Target, "targets", {
    /// Any level of government or its departments.
    Government = "government", "政府", "Government";
    /// The village committee.
    VillageCommittee = "village_committee", "村委会", "Village committee";
    /// Police.
    Police = "police", "警方", "Police";
    /// Private employer or firm.
    Company = "company", "企业", "Company";
    /// State-owned enterprise.
    StateCompany = "state_company", "国企", "State company";
    /// Hong Kong, Taiwan or foreign-funded firm.
    ForeignCompany = "foreign_company", "外资企业", "Foreign-funded company";
    /// Hospital.
    Hospital = "hospital", "医院", "Hospital";
    /// School.
    School = "school", "学校", "School";
    /// Property developer.
    Developer = "developer", "开发商", "Developer";
    /// Lending or investment platform.
    FinancialPlatform = "financial_platform", "金融平台", "Financial platform";
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for v in Issue::ALL {
            assert_eq!(Issue::from_code(v.code()), Some(*v));
        }
        assert_eq!("labor.wages".parse::<Issue>(), Ok(Issue::LaborWages));
        assert_eq!(Tactic::from_code("sit_in"), Some(Tactic::SitIn));
    }

    #[test]
    fn unknown_code_names_value_and_choices() {
        let err = "labour".parse::<Group>().unwrap_err();
        assert!(err.contains("`labour`"), "{err}");
        assert!(err.contains("workers"), "{err}");
    }

    #[test]
    fn serde_uses_codes() {
        assert_eq!(
            serde_json::to_string(&Issue::PolicyLivelihood).unwrap(),
            "\"policy.livelihood\""
        );
        let t: Target = serde_json::from_str("\"village_committee\"").unwrap();
        assert_eq!(t, Target::VillageCommittee);
    }
}
