//! A catalog whose tables outgrow the packed layout's one-byte list indices (more than 256
//! distinct lists of exposed field names) is written in halves, joined in `const`
//! evaluation: every entry is still in place.

use status::{ApiError, Entry};

macro_rules! wide {
    ($($variant:ident $field:ident),*) => {
        #[allow(dead_code)] // only the catalog and one body are read
        #[derive(Debug, thiserror::Error, ApiError)]
        pub enum Wide {
            $(
                #[error("wide")]
                #[status(422)]
                $variant {
                    #[status(expose)]
                    $field: u8,
                },
            )*
        }
    };
}

wide!(
    V0 f0, V1 f1, V2 f2, V3 f3, V4 f4, V5 f5, V6 f6, V7 f7, V8 f8, V9 f9, V10 f10, V11 f11,
    V12 f12, V13 f13, V14 f14, V15 f15, V16 f16, V17 f17, V18 f18, V19 f19, V20 f20, V21
    f21, V22 f22, V23 f23, V24 f24, V25 f25, V26 f26, V27 f27, V28 f28, V29 f29, V30 f30,
    V31 f31, V32 f32, V33 f33, V34 f34, V35 f35, V36 f36, V37 f37, V38 f38, V39 f39, V40
    f40, V41 f41, V42 f42, V43 f43, V44 f44, V45 f45, V46 f46, V47 f47, V48 f48, V49 f49,
    V50 f50, V51 f51, V52 f52, V53 f53, V54 f54, V55 f55, V56 f56, V57 f57, V58 f58, V59
    f59, V60 f60, V61 f61, V62 f62, V63 f63, V64 f64, V65 f65, V66 f66, V67 f67, V68 f68,
    V69 f69, V70 f70, V71 f71, V72 f72, V73 f73, V74 f74, V75 f75, V76 f76, V77 f77, V78
    f78, V79 f79, V80 f80, V81 f81, V82 f82, V83 f83, V84 f84, V85 f85, V86 f86, V87 f87,
    V88 f88, V89 f89, V90 f90, V91 f91, V92 f92, V93 f93, V94 f94, V95 f95, V96 f96, V97
    f97, V98 f98, V99 f99, V100 f100, V101 f101, V102 f102, V103 f103, V104 f104, V105 f105,
    V106 f106, V107 f107, V108 f108, V109 f109, V110 f110, V111 f111, V112 f112, V113 f113,
    V114 f114, V115 f115, V116 f116, V117 f117, V118 f118, V119 f119, V120 f120, V121 f121,
    V122 f122, V123 f123, V124 f124, V125 f125, V126 f126, V127 f127, V128 f128, V129 f129,
    V130 f130, V131 f131, V132 f132, V133 f133, V134 f134, V135 f135, V136 f136, V137 f137,
    V138 f138, V139 f139, V140 f140, V141 f141, V142 f142, V143 f143, V144 f144, V145 f145,
    V146 f146, V147 f147, V148 f148, V149 f149, V150 f150, V151 f151, V152 f152, V153 f153,
    V154 f154, V155 f155, V156 f156, V157 f157, V158 f158, V159 f159, V160 f160, V161 f161,
    V162 f162, V163 f163, V164 f164, V165 f165, V166 f166, V167 f167, V168 f168, V169 f169,
    V170 f170, V171 f171, V172 f172, V173 f173, V174 f174, V175 f175, V176 f176, V177 f177,
    V178 f178, V179 f179, V180 f180, V181 f181, V182 f182, V183 f183, V184 f184, V185 f185,
    V186 f186, V187 f187, V188 f188, V189 f189, V190 f190, V191 f191, V192 f192, V193 f193,
    V194 f194, V195 f195, V196 f196, V197 f197, V198 f198, V199 f199, V200 f200, V201 f201,
    V202 f202, V203 f203, V204 f204, V205 f205, V206 f206, V207 f207, V208 f208, V209 f209,
    V210 f210, V211 f211, V212 f212, V213 f213, V214 f214, V215 f215, V216 f216, V217 f217,
    V218 f218, V219 f219, V220 f220, V221 f221, V222 f222, V223 f223, V224 f224, V225 f225,
    V226 f226, V227 f227, V228 f228, V229 f229, V230 f230, V231 f231, V232 f232, V233 f233,
    V234 f234, V235 f235, V236 f236, V237 f237, V238 f238, V239 f239, V240 f240, V241 f241,
    V242 f242, V243 f243, V244 f244, V245 f245, V246 f246, V247 f247, V248 f248, V249 f249,
    V250 f250, V251 f251, V252 f252, V253 f253, V254 f254, V255 f255, V256 f256, V257 f257,
    V258 f258, V259 f259, V260 f260, V261 f261, V262 f262, V263 f263, V264 f264, V265 f265,
    V266 f266, V267 f267, V268 f268, V269 f269, V270 f270, V271 f271, V272 f272, V273 f273,
    V274 f274, V275 f275, V276 f276, V277 f277, V278 f278, V279 f279, V280 f280, V281 f281,
    V282 f282, V283 f283, V284 f284, V285 f285, V286 f286, V287 f287, V288 f288, V289 f289,
    V290 f290, V291 f291, V292 f292, V293 f293, V294 f294, V295 f295, V296 f296, V297 f297,
    V298 f298, V299 f299
);

#[test]
fn every_entry_is_in_place() {
    assert_eq!(Wide::CATALOG.len(), 300);
    for (i, entry) in Wide::CATALOG.iter().enumerate() {
        let Entry::Variant(info) = entry else {
            panic!("entry {i} is not a variant");
        };
        assert_eq!(info.name, format!("V{i}"));
        assert_eq!(info.code, format!("V{i}"));
        assert_eq!(info.fields, [format!("f{i}")]);
        assert_eq!(info.status.as_u16(), 422);
    }
    let err = Wide::V299 { f299: 7 };
    assert_eq!(
        serde_json::to_string(&err.body()).unwrap(),
        r#"{"error":"wide","code":"V299","f299":7}"#
    );
}
