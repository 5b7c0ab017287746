<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>@default</name>
    <message>
        <location filename="../algorithms/base.py" line="163" />
        <source>Cancelled by the user; no output was written.</source>
        <translation>用户已取消；未写出任何结果。</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="25" />
        <source>The raster '{name}' given for {param} is not a GDAL file ({provider}); save it as a GeoTIFF first.</source>
        <translation>{param} 所给栅格“{name}”不是 GDAL 文件（{provider}）；请先另存为 GeoTIFF。</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="49" />
        <source>{param}: '{text}' is not a list of years; write e.g. 2001, 2002 or 2001-2020.</source>
        <translation>{param}：“{text}”不是年份列表；请写成例如 2001, 2002 或 2001-2020。</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="56" />
        <source>Yearly rasters (one per year)</source>
        <translation>逐年栅格（每年一个）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="58" />
        <source>Years, one per input in input order (default: from names)</source>
        <translation>年份，按输入顺序每个输入一个（默认：取自文件名）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="60" />
        <source>Reference grid (default: the raster of the first year)</source>
        <translation>参考格网（默认：第一年的栅格）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="62" />
        <source>Resampling onto the reference grid</source>
        <translation>重采样到参考格网的方法</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="65" />
        <source>Carbon quantity (metadata)</source>
        <translation>碳量类型（元数据）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="70" />
        <source>Units (metadata, e.g. t CO2 / cell / yr)</source>
        <translation>单位（元数据，例如 t CO2 / 像元 / 年）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="74" />
        <source>Time-series raster</source>
        <translation>时间序列栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="75" />
        <source>Years written</source>
        <translation>写出的年份</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="76" />
        <source>Number of bands</source>
        <translation>波段数</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="91" />
        <source>Wrote {n} bands: {first}-{last}.</source>
        <translation>已写出 {n} 个波段：{first}-{last}。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="40" />
        <source>Time series</source>
        <translation>时间序列</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="41" />
        <source>Carbon emissions</source>
        <translation>碳排放</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="42" />
        <source>Carbon sinks</source>
        <translation>碳汇</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="43" />
        <source>Carbon budget</source>
        <translation>碳收支</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="44" />
        <source>Balance, trend and risk</source>
        <translation>碳平衡、趋势与风险</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="17" />
        <source>Carbon budget &amp; imbalance risk</source>
        <translation>碳收支与碳失衡风险</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="43" />
        <source>Stack yearly rasters</source>
        <translation>逐年栅格合成时间序列</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="45" />
        <source>time series,stack,years,bands,NPP,nighttime light,MOD17A3</source>
        <translation>时间序列,合成,年份,波段,NPP,夜间灯光,MOD17A3</translation>
    </message>
    <message>
        <location filename="../algorithms/balancetrend.py" line="33" />
        <source>Balance states and transformation trend</source>
        <translation>碳平衡状态与演变趋势</translation>
    </message>
    <message>
        <location filename="../algorithms/balancetrend.py" line="35" />
        <source>carbon balance,source sink ratio,state,trend,Sen slope,Mann-Kendall,transition matrix,period</source>
        <translation>碳平衡,碳源汇比,状态,趋势,Sen 斜率,Mann-Kendall,转移矩阵,时段</translation>
    </message>
    <message>
        <location filename="../algorithms/balancetrend.py" line="51" />
        <source>Budget layer (EMI_yyyy, SNK_yyyy fields)</source>
        <translation>碳收支图层（EMI_yyyy、SNK_yyyy 字段）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Period length (years)</source>
        <translation>时段长度（年）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridbudget.py" line="43" />
        <source>State breaks on CSR (upper bounds of states 1-4)</source>
        <translation>CSR 状态分级断点（状态 1-4 的上限）</translation>
    </message>
    <message>
        <location filename="../algorithms/balancetrend.py" line="59" />
        <source>Neutral band around CSR = 1 (e.g. 0.1; empty: none)</source>
        <translation>CSR = 1 附近的中性带（例如 0.1；留空：不设）</translation>
    </message>
    <message>
        <location filename="../algorithms/balancetrend.py" line="64" />
        <source>Change tolerance (relative change of CSR, 0.05 = 5 %)</source>
        <translation>变化容差（CSR 的相对变化，0.05 = 5 %）</translation>
    </message>
    <message>
        <location filename="../algorithms/balancetrend.py" line="67" />
        <source>Significance level of the Mann-Kendall test</source>
        <translation>Mann-Kendall 检验的显著性水平</translation>
    </message>
    <message>
        <location filename="../algorithms/balancetrend.py" line="70" />
        <source>Balance layer</source>
        <translation>碳平衡图层</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>State transitions</source>
        <translation>状态转移</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Province totals per year</source>
        <translation>逐年全省汇总</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="237" />
        <source>Periods</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Regions</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../algorithms/balancetrend.py" line="91" />
        <source>{n} regions, years {first}-{last} ({count} years).</source>
        <translation>{n} 个区域，年份 {first}-{last}（共 {count} 年）。</translation>
    </message>
    <message>
        <location filename="../algorithms/balancetrend.py" line="129" />
        <source>{period}: {counts}</source>
        <translation>{period}：{counts}</translation>
    </message>
    <message>
        <location filename="../algorithms/balancetrend.py" line="132" />
        <source>{n} region(s) have no emission or sink values; their fields are NULL.</source>
        <translation>{n} 个区域没有碳排放或碳汇数值，其字段为 NULL。</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="97" />
        <source>Energy consumption table</source>
        <translation>能源消费表</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="99" />
        <source>Region field</source>
        <translation>区域字段</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="101" />
        <source>Year field</source>
        <translation>年份字段</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="104" />
        <source>Table layout</source>
        <translation>表格格式</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="106" />
        <source>Fuel field (long layout)</source>
        <translation>燃料字段（长表格式）</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="109" />
        <source>Quantity field (long layout)</source>
        <translation>消费量字段（长表格式）</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="112" />
        <source>Quantity units</source>
        <translation>消费量单位</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="114" />
        <source>Emission factor table (CSV; default: the bundled table)</source>
        <translation>排放因子表（CSV；默认：内置表）</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="117" />
        <source>Bundled factor table</source>
        <translation>内置排放因子表</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="123" />
        <source>Cement process factor (t CO2 per t clinker)</source>
        <translation>水泥生产过程排放因子（t CO2/t 熟料）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Units</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="130" />
        <source>CO2 emissions table</source>
        <translation>CO2 排放表</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="132" />
        <source>Rows written</source>
        <translation>写出的行数</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="237" />
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="164" />
        <source>Columns ignored (not fuels): {names}</source>
        <translation>已忽略的列（非燃料）：{names}</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="166" />
        <source>The long layout needs FUEL_FIELD and QUANTITY_FIELD.</source>
        <translation>长表格式需要 FUEL_FIELD 和 QUANTITY_FIELD。</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="197" />
        <source>{year}: {total:,.1f} {units} from energy</source>
        <translation>{year}：能源消费排放 {total:,.1f} {units}</translation>
    </message>
    <message>
        <location filename="../algorithms/gridbudget.py" line="23" />
        <source>Grid carbon budget (net, ratio, state)</source>
        <translation>格网碳收支（净排放、源汇比、状态）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridbudget.py" line="25" />
        <source>carbon budget,net emission,source sink ratio,balance state,grid,pixel</source>
        <translation>碳收支,净碳排放,碳源汇比,碳平衡状态,格网,像元</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="70" />
        <source>Emission time series (t per cell per year)</source>
        <translation>碳排放时间序列（t/像元/年）</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="72" />
        <source>Sink time series (t per cell per year)</source>
        <translation>碳汇时间序列（t/像元/年）</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="124" />
        <source>Year of band 1 (only if band descriptions are not years)</source>
        <translation>波段 1 的年份（仅当波段描述不是年份时）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridbudget.py" line="47" />
        <source>Net emission</source>
        <translation>净碳排放</translation>
    </message>
    <message>
        <location filename="../algorithms/gridbudget.py" line="47" />
        <source>Source/sink ratio</source>
        <translation>碳源汇比</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Balance state</source>
        <translation>碳平衡状态</translation>
    </message>
    <message>
        <location filename="../algorithms/gridbudget.py" line="64" />
        <source>Wrote {n} years: {first}-{last}.</source>
        <translation>已写出 {n} 年：{first}-{last}。</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="73" />
        <source>ALPHA: '{text}' must be {count} comma-separated numbers, one weight per proxy.</source>
        <translation>ALPHA：“{text}”必须是 {count} 个以逗号分隔的数值，每个代理变量一个权重。</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="66" />
        <source>Regions (polygons)</source>
        <translation>区域（面）</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="68" />
        <source>Region key field</source>
        <translation>区域键字段</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="116" />
        <source>Emission statistics table (region, year, value)</source>
        <translation>碳排放统计表（区域、年份、数值）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="118" />
        <source>Statistics region field (default: same name as the region key field)</source>
        <translation>统计表区域字段（默认：与区域键字段同名）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="121" />
        <source>Statistics year field</source>
        <translation>统计表年份字段</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="124" />
        <source>Statistics value field</source>
        <translation>统计表数值字段</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="127" />
        <source>Or: prefix of per-year fields on the regions (e.g. EMI_)</source>
        <translation>或：区域图层上逐年字段的前缀（例如 EMI_）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="129" />
        <source>Proxy raster (nighttime light; band per year)</source>
        <translation>代理变量栅格（夜间灯光；每年一个波段）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="131" />
        <source>Second proxy (e.g. population)</source>
        <translation>第二代理变量（例如人口）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="133" />
        <source>Third proxy (e.g. built-up)</source>
        <translation>第三代理变量（例如建设用地）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="135" />
        <source>Proxy weights alpha, one per proxy (comma-separated; default 1 each)</source>
        <translation>代理变量权重 alpha，每个代理变量一个（逗号分隔；默认均为 1）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="138" />
        <source>Proxy exponent beta</source>
        <translation>代理变量指数 beta</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="142" />
        <source>Point source year field</source>
        <translation>点源年份字段</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="145" />
        <source>Point source emission field</source>
        <translation>点源排放量字段</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="148" />
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="150" />
        <source>Statistics key of the known total of all regions (regression)</source>
        <translation>全部区域已知总量在统计表中的键（回归法）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="154" />
        <source>Cell assignment</source>
        <translation>像元归属方式</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="157" />
        <source>Allow unmatched regions and statistics</source>
        <translation>允许区域与统计数据不匹配</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="160" />
        <source>Units of the statistics and the output</source>
        <translation>统计数据与输出的单位</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="162" />
        <source>Gridded emissions (t per cell per year)</source>
        <translation>格网化碳排放（t/像元/年）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="164" />
        <source>Emission intensity (t per km2 per year)</source>
        <translation>碳排放强度（t/km2/年）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="167" />
        <source>Round-trip check table (region, year, statistic, gridded)</source>
        <translation>回算校验表（区域、年份、统计值、格网值）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="171" />
        <source>Largest relative error of a yearly total</source>
        <translation>年度总量的最大相对误差</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="172" />
        <source>Largest relative per-region round-trip error</source>
        <translation>分区回算的最大相对误差</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="180" />
        <source>{param}: the layer has no field '{field}'.</source>
        <translation>{param}：图层中没有字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="244" />
        <source>The point source {fid} has no valid year or emission ({year_field}, {value_field}).</source>
        <translation>点源 {fid} 没有有效的年份或排放量（{year_field}，{value_field}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="268" />
        <source>TOTAL_KEY: no statistics row has the key '{key}'.</source>
        <translation>TOTAL_KEY：统计表中没有键为“{key}”的行。</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="48" />
        <source>Queen contiguity (polygons sharing a boundary or a corner)</source>
        <translation>Queen 邻接（共享边界或角点的面）</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="48" />
        <source>Distance band between centroids (DISTANCE)</source>
        <translation>质心距离阈值（DISTANCE）</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="48" />
        <source>K nearest centroids (K)</source>
        <translation>K 个最近质心（K）</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="88" />
        <source>Hot spots and spatial autocorrelation (Gi*, LISA, Moran's I)</source>
        <translation>热点分析与空间自相关（Gi*、LISA、Moran's I）</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="90" />
        <source>hot spot,cold spot,Getis-Ord,Gi*,LISA,local Moran,Moran's I,spatial autocorrelation,cluster</source>
        <translation>热点,冷点,Getis-Ord,Gi*,LISA,局部 Moran,Moran's I,空间自相关,聚类</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="107" />
        <source>Numeric field (default: the risk index of the last period, RI_yyyy)</source>
        <translation>数值字段（默认：最后一个时段的风险指数 RI_yyyy）</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="110" />
        <source>Spatial weights</source>
        <translation>空间权重</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="112" />
        <source>Distance band (layer CRS units; distance weights)</source>
        <translation>距离阈值（图层 CRS 单位；距离权重）</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="115" />
        <source>Number of nearest neighbours (k nearest weights)</source>
        <translation>最近邻数（K 近邻权重）</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="118" />
        <source>Permutations</source>
        <translation>置换次数</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="120" />
        <source>Random seed (empty: a new draw each run)</source>
        <translation>随机种子（留空：每次运行重新抽样）</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="123" />
        <source>Significance level of LISA clusters</source>
        <translation>LISA 聚类的显著性水平</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="128" />
        <source>Hot spots</source>
        <translation>热点</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="129" />
        <source>Global Moran's I</source>
        <translation>全局 Moran's I</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="129" />
        <source>Moran's I z (normality)</source>
        <translation>Moran's I z 值（正态假设）</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="129" />
        <source>Moran's I permutation p</source>
        <translation>Moran's I 置换 p 值</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="129" />
        <source>Moran's I p (normality, two-sided)</source>
        <translation>Moran's I p 值（正态假设，双侧）</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="129" />
        <source>Features without neighbours</source>
        <translation>无邻居的要素</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="164" />
        <source>{n} feature(s) with a NULL {field} are left out.</source>
        <translation>{n} 个 {field} 为 NULL 的要素未参与计算。</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="170" />
        <source> and {n} more</source>
        <translation>，另有 {n} 个</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="171" />
        <source>{n} feature(s) have no neighbours (islands): {list}{more}.</source>
        <translation>{n} 个要素没有邻居（孤岛）：{list}{more}。</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="174" />
        <source>Weights: {kind}; neighbours per feature: min {min}, mean {mean:.2f}, max {max}.</source>
        <translation>权重：{kind}；每个要素的邻居数：最少 {min}，平均 {mean:.2f}，最多 {max}。</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="177" />
        <source>No seed: the permutation p-values change from run to run.</source>
        <translation>未设随机种子：置换 p 值每次运行都会不同。</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="185" />
        <source>Global Moran's I = {i:.6f} (expected {e:.6f}), z = {z:.4f}, p (normal) = {pn:.4g}, permutation p = {ps:.4g} ({perms} permutations, seed {seed}).</source>
        <translation>全局 Moran's I = {i:.6f}（期望值 {e:.6f}），z = {z:.4f}，p（正态）= {pn:.4g}，置换 p = {ps:.4g}（{perms} 次置换，种子 {seed}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="190" />
        <source>Gi* bin {bin}: {n}</source>
        <translation>Gi* 分级 {bin}：{n}</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="192" />
        <source>LISA {label}: {n}</source>
        <translation>LISA {label}：{n}</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="208" />
        <source>Queen contiguity needs polygons; for points choose a distance band or k nearest neighbours.</source>
        <translation>Queen 邻接仅适用于面要素；点要素请选择距离阈值或 K 近邻。</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="212" />
        <source>The layer CRS is geographic: distances between centroids are in degrees. Reproject to a projected CRS for true distances.</source>
        <translation>图层 CRS 为地理坐标系：质心间距离以度为单位。如需真实距离，请投影到投影坐标系。</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="217" />
        <source>Feature {k} has no geometry.</source>
        <translation>要素 {k} 没有几何。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/model.py" line="35" />
        <source>Entropy weights</source>
        <translation>熵权法</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/model.py" line="34" />
        <source>Equal weights</source>
        <translation>等权重</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="54" />
        <source>User weights (USER_WEIGHTS)</source>
        <translation>自定义权重（USER_WEIGHTS）</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="168" />
        <source>Carbon imbalance risk index</source>
        <translation>碳失衡风险指数</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="170" />
        <source>carbon imbalance,risk index,entropy weight,risk level,compensation,carbon price,source sink ratio</source>
        <translation>碳失衡,风险指数,熵权法,风险等级,碳补偿,碳价,碳源汇比</translation>
    </message>
    <message>
        <location filename="../algorithms/riskuncertainty.py" line="42" />
        <source>Budget or balance layer (EMI_yyyy, SNK_yyyy fields)</source>
        <translation>碳收支或碳平衡图层（EMI_yyyy、SNK_yyyy 字段）</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="82" />
        <source>Components</source>
        <translation>分量</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="88" />
        <source>User weights, one per chosen component (e.g. 0.5, 0.3, 0.2)</source>
        <translation>自定义权重，每个所选分量一个（例如 0.5, 0.3, 0.2）</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="101" />
        <source>Risk level breaks (4 numbers in (0, 1))</source>
        <translation>风险等级断点（4 个位于 (0, 1) 内的数）</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="184" />
        <source>Carbon price (yuan per t CO2)</source>
        <translation>碳价（元/t CO2）</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="186" />
        <source>Risk layer</source>
        <translation>风险图层</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Risk summary per period</source>
        <translation>逐时段风险汇总</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="189" />
        <source>Weights used</source>
        <translation>所用权重</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="191" />
        <source>High-risk share of the last period</source>
        <translation>最后时段的高风险占比</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="223" />
        <source>{period}: {levels}; RI &gt;= {high}: {count} of {n} ({share:.1%})</source>
        <translation>{period}：{levels}；RI &gt;= {high}：{n} 个中有 {count} 个（{share:.1%}）</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="227" />
        <source>{period}: {n} region(s) without data have no risk index.</source>
        <translation>{period}：{n} 个无数据区域没有风险指数。</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="150" />
        <source>No {field} field: areas are measured on the ellipsoid {ellipsoid}.</source>
        <translation>没有 {field} 字段：在椭球体 {ellipsoid} 上量算面积。</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="76" />
        <source>Land use (time-series raster, or one raster per year)</source>
        <translation>土地利用（时间序列栅格，或每年一个栅格）</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="78" />
        <source>Years: one per band in input order, or those a single layer stands for (e.g. 2001-2020)</source>
        <translation>年份：按输入顺序每个波段一个，或单个图层所代表的年份（例如 2001-2020）</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="82" />
        <source>Coefficient preset</source>
        <translation>碳汇系数预设</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="85" />
        <source>Coefficient CSV (code, name, t_c_ha_yr; replaces the preset)</source>
        <translation>系数 CSV（code、name、t_c_ha_yr；替代预设）</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="113" />
        <source>Carbon sink (land use)</source>
        <translation>碳汇（土地利用）</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="115" />
        <source>Class codes missing from the table</source>
        <translation>系数表中缺失的类别代码</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="126" />
        <source>Coefficients (t C ha-1 yr-1): {table}.</source>
        <translation>碳汇系数（t C ha-1 yr-1）：{table}。</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="138" />
        <source>{year}: sink {total:,.0f} {units}.</source>
        <translation>{year}：碳汇 {total:,.0f} {units}。</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="53" />
        <source>NPP (time-series raster, or one raster per year)</source>
        <translation>NPP（时间序列栅格，或每年一个栅格）</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="55" />
        <source>NPP scale factor to g C m-2 yr-1 (0.1 for MOD17A3HGF)</source>
        <translation>NPP 换算为 g C m-2 yr-1 的比例因子（MOD17A3HGF 为 0.1）</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="58" />
        <source>NPP valid maximum, raw value (32700 for MOD17A3HGF)</source>
        <translation>NPP 有效最大值，原始值（MOD17A3HGF 为 32700）</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="61" />
        <source>Air temperature, deg C (time-series raster or rasters)</source>
        <translation>气温，deg C（时间序列栅格或多个栅格）</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="63" />
        <source>Precipitation, mm (time-series raster or rasters)</source>
        <translation>降水量，mm（时间序列栅格或多个栅格）</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="65" />
        <source>Climate time step</source>
        <translation>气候数据时间步长</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="69" />
        <source>Sign of the sink</source>
        <translation>碳汇符号</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="75" />
        <source>Carbon sink (NEP)</source>
        <translation>碳汇（NEP）</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="76" />
        <source>Soil heterotrophic respiration Rh (g C m-2 yr-1)</source>
        <translation>土壤异养呼吸 Rh（g C m-2 yr-1）</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="79" />
        <source>NEP (g C m-2 yr-1)</source>
        <translation>净生态系统生产力 NEP（g C m-2 yr-1）</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="82" />
        <source>NPP years without climate</source>
        <translation>缺少气候数据的 NPP 年份</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="110" />
        <source>{year}: sink {total:,.0f} {units} (absorption {absorption:,.0f}, ecosystem source {source:,.0f}).</source>
        <translation>{year}：碳汇 {total:,.0f} {units}（吸收 {absorption:,.0f}，生态系统碳源 {source:,.0f}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="68" />
        <source>{param}: give a time-series raster or yearly rasters.</source>
        <translation>{param}：请提供时间序列栅格或逐年栅格。</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="81" />
        <source>{param}: '{text}' must be {count} comma-separated numbers.</source>
        <translation>{param}：“{text}”应为以逗号分隔的数值（数量：{count}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/rastertrend.py" line="25" />
        <source>Per-cell trend (Sen slope, Mann-Kendall)</source>
        <translation>逐像元趋势（Sen 斜率、Mann-Kendall）</translation>
    </message>
    <message>
        <location filename="../algorithms/rastertrend.py" line="27" />
        <source>trend,Sen slope,Theil-Sen,Mann-Kendall,time series,pixel,significance</source>
        <translation>趋势,Sen 斜率,Theil-Sen,Mann-Kendall,时间序列,像元,显著性</translation>
    </message>
    <message>
        <location filename="../algorithms/rastertrend.py" line="38" />
        <source>Time series (one multi-band raster or yearly rasters)</source>
        <translation>时间序列（一个多波段栅格或逐年栅格）</translation>
    </message>
    <message>
        <location filename="../algorithms/rastertrend.py" line="41" />
        <source>Significance level</source>
        <translation>显著性水平</translation>
    </message>
    <message>
        <location filename="../algorithms/rastertrend.py" line="43" />
        <source>Sen slope (units per year)</source>
        <translation>Sen 斜率（单位/年）</translation>
    </message>
    <message>
        <location filename="../algorithms/rastertrend.py" line="43" />
        <source>Mann-Kendall Z</source>
        <translation>Mann-Kendall Z 值</translation>
    </message>
    <message>
        <location filename="../algorithms/rastertrend.py" line="43" />
        <source>Mann-Kendall p (two-sided)</source>
        <translation>Mann-Kendall p 值（双侧）</translation>
    </message>
    <message>
        <location filename="../algorithms/rastertrend.py" line="43" />
        <source>Trend class</source>
        <translation>趋势类别</translation>
    </message>
    <message>
        <location filename="../algorithms/rastertrend.py" line="47" />
        <source>Years used</source>
        <translation>所用年份</translation>
    </message>
    <message>
        <location filename="../algorithms/rastertrend.py" line="48" />
        <source>Cells with a significant trend</source>
        <translation>趋势显著的像元数</translation>
    </message>
    <message>
        <location filename="../algorithms/rastertrend.py" line="56" />
        <source>{n} years: {first}-{last}; {w} x {h} cells.</source>
        <translation>{n} 年：{first}-{last}；{w} x {h} 个像元。</translation>
    </message>
    <message>
        <location filename="../algorithms/rastertrend.py" line="63" />
        <source>Class {code} ({label}): {count} cells</source>
        <translation>类别 {code}（{label}）：{count} 个像元</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="51" />
        <source>Regional carbon budget (exact zonal sums)</source>
        <translation>区域碳收支（精确分区求和）</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="53" />
        <source>carbon budget,zonal statistics,county,emission,sink,source sink ratio,exact</source>
        <translation>碳收支,分区统计,区县,碳排放,碳汇,碳源汇比,精确</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="75" />
        <source>GDP field prefix (e.g. GDP_ for GDP_2001, GDP_2002, ...)</source>
        <translation>GDP 字段前缀（例如 GDP_ 对应 GDP_2001、GDP_2002 ……）</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="78" />
        <source>Carbon budget layer</source>
        <translation>碳收支图层</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="79" />
        <source>Carbon budget table (long form)</source>
        <translation>碳收支表（长表）</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="86" />
        <source>The regions layer could not be read.</source>
        <translation>无法读取区域图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="88" />
        <source>The regions layer '{name}' is not a polygon layer.</source>
        <translation>区域图层“{name}”不是面图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="137" />
        <source>{n} regions have no value in the key field '{field}'; fill it or choose another field.</source>
        <translation>{n} 个区域的键字段“{field}”没有值；请填写或选择其他字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="142" />
        <source>The key field '{field}' has duplicate values: {values}. Each region needs its own key (dissolve multipart regions first).</source>
        <translation>键字段“{field}”有重复值：{values}。每个区域需要唯一的键（请先融合多部件区域）。</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="171" />
        <source>No GDP fields named {prefix}yyyy (e.g. {prefix}2001) were found in the regions layer.</source>
        <translation>区域图层中未找到名为 {prefix}yyyy 的 GDP 字段（例如 {prefix}2001）。</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="174" />
        <source>GDP fields found for {n} years.</source>
        <translation>找到 {n} 年的 GDP 字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="47" />
        <source>Wide: one column per fuel</source>
        <translation>宽表：每种燃料一列</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="47" />
        <source>Long: a fuel column and a quantity column</source>
        <translation>长表：一列燃料、一列消费量</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="52" />
        <source>As in the factor table (default: 10^4 t solids and liquids, 10^4 m3 gas)</source>
        <translation>与排放因子表一致（默认：固体和液体 10^4 t，气体 10^4 m3）</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="52" />
        <source>t and m3</source>
        <translation>t 和 m3</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="52" />
        <source>10^4 t and 10^4 m3</source>
        <translation>10^4 t 和 10^4 m3</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="52" />
        <source>10^4 t and 10^8 m3</source>
        <translation>10^4 t 和 10^8 m3</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="59" />
        <source>China: yearbook NCV, provincial inventory CC and OF</source>
        <translation>中国：统计年鉴平均低位发热量 NCV，省级温室气体清单 CC 与 OF</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="59" />
        <source>IPCC default oxidation factor OF = 1</source>
        <translation>IPCC 默认碳氧化率 OF = 1</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="78" />
        <source>CO2 emissions from energy consumption</source>
        <translation>能源消费 CO2 排放</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="80" />
        <source>CO2,emissions,energy,fuel,coal,natural gas,IPCC,emission factor,cement</source>
        <translation>CO2,碳排放,能源,燃料,煤炭,天然气,IPCC,排放因子,水泥</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="54" />
        <source>Proportional to the proxy weight</source>
        <translation>按代理变量权重比例分配</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="54" />
        <source>Power-law regression E = a (sum L)^b fills region-years without statistics</source>
        <translation>幂函数回归 E = a (sum L)^b 填补无统计数据的区域年份</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="58" />
        <source>Exact coverage fraction (split cells are shared)</source>
        <translation>精确覆盖比例（被分割的像元按比例分摊）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="58" />
        <source>Cell centre (each cell wholly to one region)</source>
        <translation>像元中心（每个像元整体归属一个区域）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="81" />
        <source>Grid emissions (top-down, mass-conserving)</source>
        <translation>格网碳排放（自上而下，总量守恒）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="83" />
        <source>CO2,emissions,downscaling,gridding,nighttime light,NTL,proxy,allocation,top-down</source>
        <translation>CO2,碳排放,降尺度,格网化,夜间灯光,NTL,代理变量,空间分配,自上而下</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="47" />
        <source>CNLUCC first-level classes (1 cropland ... 6 unused land)</source>
        <translation>CNLUCC 一级类（1 耕地 …… 6 未利用地）</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="47" />
        <source>CLCD classes (1 cropland ... 9 wetland)</source>
        <translation>CLCD 类别（1 耕地 …… 9 湿地）</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="55" />
        <source>Carbon sink from land use (coefficients)</source>
        <translation>土地利用碳汇（系数法）</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="57" />
        <source>carbon sink,land use,land cover,CNLUCC,CLCD,coefficient,forest,grassland,water</source>
        <translation>碳汇,土地利用,土地覆盖,CNLUCC,CLCD,碳汇系数,林地,草地,水域</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="22" />
        <source>Monthly (12 bands per year)</source>
        <translation>逐月（每年 12 个波段）</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="22" />
        <source>Annual (mean temperature, total precipitation; approximation)</source>
        <translation>逐年（年平均气温、年降水量；近似计算）</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="26" />
        <source>Signed NEP (an ecosystem source counts as a negative sink)</source>
        <translation>带符号 NEP（生态系统碳源计为负碳汇）</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="26" />
        <source>Positive only (absorption; negative NEP counts as 0)</source>
        <translation>仅正值（吸收；负 NEP 计为 0）</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="34" />
        <source>Carbon sink from NPP and climate (NEP)</source>
        <translation>基于 NPP 与气候数据的碳汇（NEP）</translation>
    </message>
    <message>
        <location filename="../algorithms/nepsink.py" line="36" />
        <source>carbon sink,NEP,NPP,soil respiration,Rh,MOD17A3,temperature,precipitation,ecosystem</source>
        <translation>碳汇,NEP,NPP,土壤呼吸,Rh,MOD17A3,气温,降水,生态系统</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="37" />
        <source>Low</source>
        <translation>低风险</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="37" />
        <source>Relatively low</source>
        <translation>较低风险</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="37" />
        <source>Medium</source>
        <translation>中等风险</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="37" />
        <source>Relatively high</source>
        <translation>较高风险</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="37" />
        <source>High</source>
        <translation>高风险</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="74" />
        <source>Neutral</source>
        <translation>基本平衡</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="44" />
        <source>Sink</source>
        <translation>碳汇</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="44" />
        <source>Mild</source>
        <translation>轻度失衡</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="44" />
        <source>Moderate</source>
        <translation>中度失衡</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="44" />
        <source>Severe</source>
        <translation>重度失衡</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="44" />
        <source>Extreme</source>
        <translation>极度失衡</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/model.py" line="30" />
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/model.py" line="30" />
        <source>Trend</source>
        <translation>趋势</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/model.py" line="31" />
        <source>Pressure</source>
        <translation>压力</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="51" />
        <source>Not significant</source>
        <translation>不显著</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="74" />
        <source>Carbon budget and imbalance risk report</source>
        <translation>碳收支与碳失衡风险报告</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="79" />
        <source>Carbon budget and risk report (HTML)</source>
        <translation>碳收支与风险报告（HTML）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="81" />
        <source>report,HTML,map,chart,risk level,balance state,hot spot,transition matrix,summary</source>
        <translation>报告,HTML,地图,图表,风险等级,碳平衡状态,热点,转移矩阵,汇总</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="101" />
        <source>Risk layer (RI_yyyy, RL_yyyy fields)</source>
        <translation>风险图层（RI_yyyy、RL_yyyy 字段）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="103" />
        <source>Balance layer (CSR_yyyy, ST_yyyy; if the risk layer lacks them)</source>
        <translation>碳平衡图层（CSR_yyyy、ST_yyyy；风险图层缺少这些字段时使用）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="106" />
        <source>Hot spots layer (GI_BIN)</source>
        <translation>热点图层（GI_BIN）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="108" />
        <source>Region name field (default: the first text field)</source>
        <translation>区域名称字段（默认：第一个文本字段）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="111" />
        <source>Province totals per year (table: year, emission, sink, net, csr)</source>
        <translation>逐年全省汇总（表：year、emission、sink、net、csr）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="114" />
        <source>State transitions (table)</source>
        <translation>状态转移（表）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="116" />
        <source>Risk summary per period (table)</source>
        <translation>逐时段风险汇总（表）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="118" />
        <source>Weights used (e.g. 'state 0.61, trend 0.39'; empty: from the risk summary)</source>
        <translation>所用权重（例如 'state 0.61, trend 0.39'；留空：取自风险汇总）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="127" />
        <source>Analysis parameters to list (e.g. 'PERIOD_LENGTH=5; WEIGHTS=entropy')</source>
        <translation>要列出的分析参数（例如 'PERIOD_LENGTH=5; WEIGHTS=entropy'）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="132" />
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="133" />
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="133" />
        <source>HTML files (*.html)</source>
        <translation>HTML 文件 (*.html)</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="136" />
        <source>Maps</source>
        <translation>地图数</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="144" />
        <source>RISK: the risk layer could not be read.</source>
        <translation>RISK：无法读取风险图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="149" />
        <source>RISK: the layer has no RI_yyyy or RL_yyyy fields; make it with 'Carbon imbalance risk index'.</source>
        <translation>RISK：该图层没有 RI_yyyy 或 RL_yyyy 字段；请用“碳失衡风险指数”生成。</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="171" />
        <source>No balance states (ST_yyyy fields): give the balance layer as BALANCE for the state maps and the transitions.</source>
        <translation>没有碳平衡状态（ST_yyyy 字段）：请将碳平衡图层作为 BALANCE 给出，以绘制状态图并统计状态转移。</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="202" />
        <source>Balance state {period}</source>
        <translation>碳平衡状态 {period}</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="208" />
        <source>Risk level {period}</source>
        <translation>风险等级 {period}</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="217" />
        <source>Regions with a risk index</source>
        <translation>有风险指数的区域</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="219" />
        <source>Mean risk index</source>
        <translation>平均风险指数</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="220" />
        <source>High-risk share (RI &gt;= 0.6)</source>
        <translation>高风险占比（RI &gt;= 0.6）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="233" />
        <source>Gi* hot and cold spots</source>
        <translation>Gi* 冷热点</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="237" />
        <source>Coordinate reference system</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="256" />
        <source>Report written: {path} ({maps} maps).</source>
        <translation>报告已写出：{path}（{maps} 幅地图）。</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="269" />
        <source>No region name field: regions are named by their feature number.</source>
        <translation>没有区域名称字段：以要素编号命名区域。</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="284" />
        <source>{param}: the table could not be read.</source>
        <translation>{param}：无法读取该表。</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="303" />
        <source>PROVINCE_TABLE: the table needs the fields year, emission and sink (the province table of 'Balance states and transformation trend').</source>
        <translation>PROVINCE_TABLE：该表需要 year、emission 和 sink 字段（“碳平衡状态与演变趋势”输出的全省汇总表）。</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="317" />
        <source>TRANSITIONS: the table needs the fields from_per, to_per, from_state, to_state and count (the transition table of 'Balance states and transformation trend').</source>
        <translation>TRANSITIONS：该表需要 from_per、to_per、from_state、to_state 和 count 字段（“碳平衡状态与演变趋势”输出的状态转移表）。</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="334" />
        <source>RISK_SUMMARY: the table needs the fields period, n_l1 ... n_l5, n_high (the summary table of 'Carbon imbalance risk index').</source>
        <translation>RISK_SUMMARY：该表需要 period、n_l1 … n_l5、n_high 字段（“碳失衡风险指数”输出的汇总表）。</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="342" />
        <source>RISK_SUMMARY: the counts of {period} differ from the risk layer's; are the table and the layer from the same run?</source>
        <translation>RISK_SUMMARY：{period} 的计数与风险图层不一致；该表与图层是否来自同一次运行？</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="27" />
        <source>No data</source>
        <translation>无数据</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="514" />
        <source>{n} regions</source>
        <translation>{n} 个区域</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="628" />
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="51" />
        <source>Cold spot, 99% confidence</source>
        <translation>冷点（99% 置信度）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="51" />
        <source>Cold spot, 95% confidence</source>
        <translation>冷点（95% 置信度）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="51" />
        <source>Cold spot, 90% confidence</source>
        <translation>冷点（90% 置信度）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="51" />
        <source>Hot spot, 90% confidence</source>
        <translation>热点（90% 置信度）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="51" />
        <source>Hot spot, 95% confidence</source>
        <translation>热点（95% 置信度）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="51" />
        <source>Hot spot, 99% confidence</source>
        <translation>热点（99% 置信度）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="60" />
        <source>Significant decrease</source>
        <translation>显著下降</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="60" />
        <source>Non-significant decrease</source>
        <translation>不显著下降</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="60" />
        <source>No change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="60" />
        <source>Non-significant increase</source>
        <translation>不显著上升</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/legend.py" line="60" />
        <source>Significant increase</source>
        <translation>显著上升</translation>
    </message>
    <message>
        <location filename="../algorithms/styles.py" line="431" />
        <source>The layer {name} was loaded without its style: {error}</source>
        <translation>图层 {name} 已加载，但未能应用其样式：{error}</translation>
    </message>
    <message>
        <location filename="../algorithms/styles.py" line="481" />
        <source>No style saved for {output}: {error}</source>
        <translation>未能为 {output} 保存样式：{error}</translation>
    </message>
    <message>
        <location filename="../algorithms/vectors.py" line="119" />
        <source>The {role} has no features.</source>
        <translation>{role}没有要素。</translation>
    </message>
    <message>
        <location filename="../algorithms/vectors.py" line="412" />
        <source>Cannot create the output {name}.</source>
        <translation>无法创建输出 {name}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Generated {date} by the QGIS plugin Carbon Budget &amp; Imbalance Risk, version {version}.</source>
        <translation>由 QGIS 插件“碳收支与碳失衡风险”（版本 {version}）于 {date} 生成。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Provincial time series</source>
        <translation>全省时间序列</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Weights of the risk index</source>
        <translation>风险指数权重</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Regions with the highest risk index</source>
        <translation>风险指数最高的区域</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Balance state transitions</source>
        <translation>碳平衡状态转移</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Period {period}</source>
        <translation>时段 {period}</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Hot spots (Getis-Ord Gi*)</source>
        <translation>冷热点分析（Getis-Ord Gi*）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Inputs and parameters</source>
        <translation>输入与参数</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Contents</source>
        <translation>目录</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Emissions and sinks</source>
        <translation>碳排放与碳汇</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Emission</source>
        <translation>碳排放</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>{unit} per year</source>
        <translation>{unit}/年</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Source/sink ratio (CSR)</source>
        <translation>碳源汇比（CSR）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>CSR</source>
        <translation>CSR</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Emission / sink</source>
        <translation>碳排放 / 碳汇</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Balance (CSR = 1)</source>
        <translation>平衡线（CSR = 1）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Emission ({unit})</source>
        <translation>碳排放（{unit}）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Sink ({unit})</source>
        <translation>碳汇（{unit}）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Net emission ({unit})</source>
        <translation>净碳排放（{unit}）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Highest provincial CSR: {csr} in {year}.</source>
        <translation>全省 CSR 峰值出现在 {year} 年：{csr}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Period</source>
        <translation>时段</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>High-risk regions (RI &gt;= {threshold})</source>
        <translation>高风险区域（RI &gt;= {threshold}）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>High-risk share</source>
        <translation>高风险占比</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Count of regions per risk level (share of the regions with an index). Levels: 1 low [0, 0.2), 2 relatively low [0.2, 0.4), 3 medium [0.4, 0.6), 4 relatively high [0.6, 0.8), 5 high [0.8, 1] (default breaks).</source>
        <translation>各风险等级的区域数（及其在有风险指数区域中的占比）。等级：1 低风险 [0, 0.2)，2 较低风险 [0.2, 0.4)，3 中等风险 [0.4, 0.6)，4 较高风险 [0.6, 0.8)，5 高风险 [0.8, 1]（默认断点）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Component</source>
        <translation>分量</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Index RI = sum of weight x normalised component (state: log of the capped CSR; trend: change of CSR from the previous period; pressure: emission density).</source>
        <translation>风险指数 RI = 各标准化分量与其权重乘积之和（状态：截断后 CSR 的对数；趋势：CSR 相对上一时段的变化；压力：碳排放密度）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Top {n} regions by risk index in {period}.</source>
        <translation>{period} 风险指数最高的前 {n} 个区域。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Risk index</source>
        <translation>风险指数</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Regions moving from the state in the first period (rows) to the state in the second period (columns); the diagonal counts regions that kept their state.</source>
        <translation>由第一个时段的状态（行）转为第二个时段的状态（列）的区域数；对角线为状态保持不变的区域数。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>From {first} to {second}</source>
        <translation>从 {first} 到 {second}</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Gi* confidence bins: hot spots (+1, +2, +3) and cold spots (-1, -2, -3) at 90, 95 and 99 % confidence; 0 is not significant.</source>
        <translation>Gi* 置信度分级：热点（+1、+2、+3）与冷点（-1、-2、-3）分别对应 90、95 和 99 % 置信度；0 为不显著。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Analysis parameters</source>
        <translation>分析参数</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Plugin version</source>
        <translation>插件版本</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Generated</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Carbon Budget &amp; Imbalance Risk, version {version}</source>
        <translation>碳收支与碳失衡风险，版本 {version}</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>No province totals: give the province table or a layer with EMI_yyyy and SNK_yyyy fields.</source>
        <translation>没有全省汇总：请给出全省汇总表或带 EMI_yyyy 与 SNK_yyyy 字段的图层。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>No risk summary.</source>
        <translation>没有风险汇总。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>The weights are not known: give the risk summary table or the WEIGHTS_USED text.</source>
        <translation>权重未知：请给出风险汇总表或 WEIGHTS_USED 文本。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>No region has a risk index.</source>
        <translation>没有任何区域具有风险指数。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>No balance states: give the transition table or a layer with ST_yyyy fields.</source>
        <translation>没有碳平衡状态：请给出状态转移表或带 ST_yyyy 字段的图层。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>No maps for this period.</source>
        <translation>该时段没有地图。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>No hot spot layer (GI_BIN field) was given.</source>
        <translation>未给出热点图层（GI_BIN 字段）。</translation>
    </message>
    <message>
        <location filename="../algorithms/styles.py" line="98" />
        <source>Sink (ratio 1 or less)</source>
        <translation>碳汇（源汇比 1 及以下）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="130" />
        <source>Units of the emission and sink values</source>
        <translation>碳排放与碳汇数值的单位</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="25" />
        <source>none</source>
        <translation>不重采样（none）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="25" />
        <source>nearest</source>
        <translation>最邻近（nearest）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="25" />
        <source>bilinear</source>
        <translation>双线性（bilinear）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="25" />
        <source>cubic</source>
        <translation>三次卷积（cubic）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="25" />
        <source>average</source>
        <translation>平均值（average）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="25" />
        <source>sum</source>
        <translation>求和（sum）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="25" />
        <source>mode</source>
        <translation>众数（mode）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="25" />
        <source>emission</source>
        <translation>碳排放（emission）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="25" />
        <source>sink</source>
        <translation>碳汇（sink）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="25" />
        <source>net</source>
        <translation>净碳排放（net）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="25" />
        <source>ratio</source>
        <translation>碳源汇比（ratio）</translation>
    </message>
    <message>
        <location filename="../algorithms/stackyears.py" line="25" />
        <source>state</source>
        <translation>碳平衡状态（state）</translation>
    </message>
    <message>
        <location filename="../algorithms/params.py" line="81" />
        <source>one or more</source>
        <translation>一个或多个</translation>
    </message>
    <message>
        <location filename="../algorithms/vectors.py" line="44" />
        <source>input layer</source>
        <translation>输入图层</translation>
    </message>
    <message>
        <location filename="../algorithms/vectors.py" line="44" />
        <source>budget layer</source>
        <translation>碳收支图层</translation>
    </message>
    <message>
        <location filename="../algorithms/vectors.py" line="44" />
        <source>risk layer</source>
        <translation>风险图层</translation>
    </message>
    <message>
        <location filename="../algorithms/vectors.py" line="44" />
        <source>balance layer</source>
        <translation>碳平衡图层</translation>
    </message>
    <message>
        <location filename="../algorithms/vectors.py" line="44" />
        <source>hot spots layer</source>
        <translation>热点图层</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Carbon imbalance risk workflow (whole chain)</source>
        <translation>碳失衡风险评估流程（完整链条）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Workflow</source>
        <translation>工作流程</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Energy consumption table (per city and year)</source>
        <translation>能源消费表（按城市和年份）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Energy table: city key field</source>
        <translation>能源表：城市标识字段</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>City polygons (statistics regions)</source>
        <translation>城市面（统计区域）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Cities: key field</source>
        <translation>城市：标识字段</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Nighttime light (band per year)</source>
        <translation>夜间灯光（每年一个波段）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>NPP rasters (one per year, or one time series)</source>
        <translation>NPP 栅格（每年一个，或一个时间序列）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>NPP scale factor to g C m-2 yr-1 (0.1 for MOD17A3)</source>
        <translation>NPP 换算为 g C m-2 yr-1 的比例系数（MOD17A3 为 0.1）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>NPP largest valid value (32700 for MOD17A3)</source>
        <translation>NPP 最大有效值（MOD17A3 为 32700）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Monthly air temperature (deg C, 12 bands per year)</source>
        <translation>月平均气温（deg C，每年 12 个波段）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Monthly precipitation (mm, 12 bands per year)</source>
        <translation>月降水量（mm，每年 12 个波段）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>County polygons (budget regions)</source>
        <translation>区县面（碳收支区域）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Counties: key field</source>
        <translation>区县：标识字段</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Report title</source>
        <translation>报告标题</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>CO2 emissions per city and year</source>
        <translation>各城市逐年 CO2 排放</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Emission raster (t per cell per year)</source>
        <translation>碳排放栅格（t/像元/年）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>NPP time series</source>
        <translation>NPP 时间序列</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Sink raster (t per cell per year)</source>
        <translation>碳汇栅格（t/像元/年）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Net emission raster</source>
        <translation>净碳排放栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Source/sink ratio raster</source>
        <translation>碳源汇比栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Balance state raster</source>
        <translation>碳平衡状态栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>County carbon budget</source>
        <translation>区县碳收支</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Balance states and trends</source>
        <translation>碳平衡状态与趋势</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Imbalance risk</source>
        <translation>碳失衡风险</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Risk hot spots</source>
        <translation>风险冷热点</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>HTML report</source>
        <translation>HTML 报告</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/balance.py" line="77" />
        <source>The {role} has no pairs of year fields EMI_yyyy and SNK_yyyy (emission and sink per year, e.g. EMI_2001 and SNK_2001). Make it with 'Zonal carbon budget' or rename its fields.</source>
        <translation>{role}中没有成对的年份字段 EMI_yyyy 与 SNK_yyyy（每年的碳排放与碳汇，例如 EMI_2001 与 SNK_2001）。请用“区域碳收支”生成该图层，或重命名其字段。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/balance.py" line="84" />
        <source>Years with only an emission or only a sink field are left out: {years}.</source>
        <translation>只有碳排放字段或只有碳汇字段的年份不参与计算：{years}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/balance.py" line="88" />
        <source>The {role} has {n_years} year(s) with both EMI_yyyy and SNK_yyyy fields ({years}); trends need at least {MIN_VALUES} years.</source>
        <translation>{role}中同时具有 EMI_yyyy 与 SNK_yyyy 字段的年份有 {n_years} 个（{years}）；趋势计算至少需要 {MIN_VALUES} 年。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/balance.py" line="107" />
        <source>Emission and sink must both be (regions, years); got {e_shape} and {s_shape}.</source>
        <translation>碳排放与碳汇都必须为（区域, 年份）形状；实际为 {e_shape} 和 {s_shape}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/balance.py" line="225" />
        <source>Years must be unique and increasing; got {years}.</source>
        <translation>年份必须唯一且递增；实际为 {years}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/balance.py" line="200" />
        <source>The trend tolerance must be &gt;= 0; got {tolerance}.</source>
        <translation>趋势容差必须 &gt;= 0；实际为 {tolerance}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/balance.py" line="204" />
        <source>The neutral band must be in [0, 1); got {neutral_band}.</source>
        <translation>中性带必须位于 [0, 1) 内；实际为 {neutral_band}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/balance.py" line="176" />
        <source>The significance level must be between 0 and 1; got {alpha}.</source>
        <translation>显著性水平必须介于 0 与 1 之间；实际为 {alpha}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/balance.py" line="119" />
        <source>Got {n_columns} yearly columns for {n_years} years.</source>
        <translation>共有 {n_columns} 个逐年列，但年份有 {n_years} 个。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/balance.py" line="232" />
        <source>Years not in a whole period are left out of the period values: {years}.</source>
        <translation>不构成完整时段的年份不参与时段值计算：{years}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/balance.py" line="355" />
        <source>A trend needs at least {MIN_VALUES} years; the time series has {years}.</source>
        <translation>趋势计算至少需要 {MIN_VALUES} 年；该时间序列为 {years}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/balance.py" line="319" />
        <source>Choose at least one output (slope, Z, p or class).</source>
        <translation>请至少选择一项输出（斜率、Z、p 或类别）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/balance.py" line="406" />
        <source>No {prefix}yyyy field found; choose the field to analyse.</source>
        <translation>未找到 {prefix}yyyy 字段；请选择要分析的字段。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/budget.py" line="85" />
        <source>The emission years ({emission_first}-{emission_last}) and the sink years ({sink_first}-{sink_last}) do not overlap.</source>
        <translation>碳排放年份（{emission_first}-{emission_last}）与碳汇年份（{sink_first}-{sink_last}）没有重叠。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/budget.py" line="92" />
        <source>Years present in only one of the emission and sink rasters are left out: {years}.</source>
        <translation>仅出现在碳排放栅格或碳汇栅格之一中的年份不参与计算：{years}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/budget.py" line="132" />
        <source>Choose at least one output (net, ratio or state).</source>
        <translation>请至少选择一项输出（净排放、源汇比或状态）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/budget.py" line="243" />
        <source>None of the regions overlaps the {role} raster; check that both cover the same area (and that the layers' CRSs are right).</source>
        <translation>没有任何区域与{role}栅格重叠；请检查两者是否覆盖同一地区（以及图层的坐标参考系是否正确）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/budget.py" line="279" />
        <source>{km2:.3f} km2 of region '{name}' has no {role} data in some years (counted as 0).</source>
        <translation>区域“{name}”中有 {km2:.3f} km2 在某些年份没有{role}数据（计为 0）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/coverage.py" line="203" />
        <source>{n_names} region names were given for {count} regions.</source>
        <translation>给出了 {n_names} 个区域名称，但区域有 {count} 个。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/coverage.py" line="211" />
        <source>The region '{name}' has no geometry (null); fix or remove it.</source>
        <translation>区域“{name}”没有几何（NULL）；请修复或删除该区域。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/coverage.py" line="222" />
        <source>The geometry of the region '{name}' cannot be read: {err}</source>
        <translation>无法读取区域“{name}”的几何：{err}</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/coverage.py" line="226" />
        <source>The region '{name}' has an empty geometry; fix or remove it.</source>
        <translation>区域“{name}”的几何为空；请修复或删除该区域。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/coverage.py" line="254" />
        <source>The region '{name}' has a {kind} geometry; regions must be polygons or multipolygons.</source>
        <translation>区域“{name}”的几何类型为 {kind}；区域必须为面或多面。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/coverage.py" line="294" />
        <source>The geometry of the region '{name}' is invalid{reason} and cannot be repaired.</source>
        <translation>区域“{name}”的几何无效{reason}，且无法修复。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/coverage.py" line="298" />
        <source>The geometry of the region '{name}' was invalid{reason}; it was repaired (MakeValid).</source>
        <translation>区域“{name}”的几何无效{reason}；已修复（MakeValid）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/coverage.py" line="348" />
        <source>The region '{name}' cannot be transformed to the raster's CRS: {err}</source>
        <translation>区域“{name}”无法转换到栅格的坐标参考系：{err}</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/coverage.py" line="597" />
        <source>The region '{region}' does not cover any cell of the raster; its totals are 0.</source>
        <translation>区域“{region}”未覆盖栅格的任何像元；其合计值为 0。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="86" />
        <source>Unknown quantity unit '{text}': use one of {choices}.</source>
        <translation>未知的消费量单位“{text}”：请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="112" />
        <source>The fuel '{fuel}' has an NCV per {per_unit} ({ncv_unit}) but its quantities are in {unit}; give them in {allowed_units}.</source>
        <translation>燃料“{fuel}”的平均低位发热量按每 {per_unit} 计（{ncv_unit}），但其消费量单位为 {unit}；请改用 {allowed_units}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="129" />
        <source>Factor table '{path}', line {line}: {column} '{text}' is not a number.</source>
        <translation>排放因子表“{path}”第 {line} 行：{column}“{text}”不是数值。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="133" />
        <source>Factor table '{path}', line {line}: {column} = {text} is outside ({low:g}, {high:g}].</source>
        <translation>排放因子表“{path}”第 {line} 行：{column} = {text} 超出范围 ({low:g}, {high:g}]。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="146" />
        <source>Unknown factor preset '{preset}': use one of {choices}.</source>
        <translation>未知的排放因子预设“{preset}”：请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="156" />
        <source>The factor table '{path}' lacks the columns {missing}; it needs {columns} (one row per fuel).</source>
        <translation>排放因子表“{path}”缺少列 {missing}；需要的列为 {columns}（每种燃料一行）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="165" />
        <source>Factor table '{path}', line {line}: the fuel key is empty.</source>
        <translation>排放因子表“{path}”第 {line} 行：燃料键为空。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="169" />
        <source>Factor table '{path}', line {line}: the fuel '{fuel}' appears twice.</source>
        <translation>排放因子表“{path}”第 {line} 行：燃料“{fuel}”出现了两次。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="173" />
        <source>Factor table '{path}', line {line}: unknown ncv_unit '{ncv_unit}' (use kJ/kg, MJ/kg, GJ/t, kJ/m3 or MJ/m3).</source>
        <translation>排放因子表“{path}”第 {line} 行：未知的 ncv_unit“{ncv_unit}”（请使用 kJ/kg、MJ/kg、GJ/t、kJ/m3 或 MJ/m3）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="207" />
        <source>Unknown quantity units '{system}': use one of {choices}.</source>
        <translation>未知的消费量单位方案“{system}”：请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="279" />
        <source>The value '{value}' in column '{column}' ({where}) is not a number. Fix the table (empty cells and '-' count as 0; no thousands separators).</source>
        <translation>列“{column}”中的值“{value}”（{where}）不是数值。请修改该表（空单元格和 '-' 计为 0；不要使用千位分隔符）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="284" />
        <source>Negative quantity {number:g} in column '{column}' ({where}): energy consumption must be &gt;= 0.</source>
        <translation>列“{column}”中的消费量 {number:g} 为负值（{where}）：能源消费量必须 &gt;= 0。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="294" />
        <source>The year '{value}' in field '{field}' ({where}) is not a 4-digit year.</source>
        <translation>字段“{field}”中的年份“{value}”（{where}）不是 4 位数年份。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="302" />
        <source>The region field '{field}' is empty at row {row}; every row needs a region key.</source>
        <translation>第 {row} 行的区域字段“{field}”为空；每一行都需要区域键。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="334" />
        <source>The columns '{other}' and '{column}' are both the fuel '{fuel}'.</source>
        <translation>列“{other}”与列“{column}”都对应燃料“{fuel}”。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="343" />
        <source>Unknown fuel columns: {unknown}. The factor table has {factors}; rename the columns to these keys, add the fuels to a factor table (FACTORS), or remove the columns.</source>
        <translation>未知的燃料列：{unknown}。排放因子表中的燃料为 {factors}；请将这些列重命名为这些键，或将燃料添加到排放因子表（FACTORS），或删除这些列。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="349" />
        <source>No fuel column found; the columns must be named after the fuels of the factor table ({factors}).</source>
        <translation>未找到燃料列；列名必须为排放因子表中的燃料（{factors}）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="391" />
        <source>Unknown layout '{layout}': use 'wide' or 'long'.</source>
        <translation>未知的表格式“{layout}”：请使用 'wide' 或 'long'。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="420" />
        <source>The cement factor {cement_factor} must be a number &gt;= 0.</source>
        <translation>水泥排放因子 {cement_factor} 必须是 &gt;= 0 的数值。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="425" />
        <source>Clinker production must be a mass (t or 10^4 t), not {cement_unit}.</source>
        <translation>熟料产量必须是质量单位（t 或 10^4 t），而不是 {cement_unit}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="395" />
        <source>No fuel column was given for the wide layout.</source>
        <translation>宽表格式未给出燃料列。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="397" />
        <source>The long layout needs a fuel field and a quantity field.</source>
        <translation>长表格式需要一个燃料字段和一个消费量字段。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="493" />
        <source>Unknown fuels in field '{fuel_field}': {shown}. The factor table has {factors}; use these keys or add the fuels to a factor table (FACTORS).</source>
        <translation>字段“{fuel_field}”中有未知燃料：{shown}。排放因子表中的燃料为 {factors}；请使用这些键，或将燃料添加到排放因子表（FACTORS）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="498" />
        <source>The energy table has no rows.</source>
        <translation>能源消费表没有任何行。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/emissions.py" line="500" />
        <source>{duplicates} rows repeat a region and year already seen; their quantities were summed.</source>
        <translation>有 {duplicates} 行与已出现的区域和年份重复；其消费量已相加。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="71" />
        <source>{n_alpha} weights (ALPHA) were given for {n_proxies} proxies.</source>
        <translation>给出了 {n_alpha} 个权重（ALPHA），但代理变量有 {n_proxies} 个。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="90" />
        <source>The exponent BETA = {beta} must be a positive number.</source>
        <translation>指数 BETA = {beta} 必须是正数。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="98" />
        <source>ALPHA has {n_alpha} values for {count} proxies; give one weight per proxy.</source>
        <translation>ALPHA 有 {n_alpha} 个值，但代理变量有 {count} 个；请为每个代理变量给出一个权重。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="102" />
        <source>The proxy weights ALPHA {alpha} must be &gt;= 0 and at least one &gt; 0.</source>
        <translation>代理变量权重 ALPHA {alpha} 必须 &gt;= 0，且至少有一个 &gt; 0。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="136" />
        <source>The regression needs at least 3 region-years with statistics and a positive, varying proxy sum; {n} were usable. Use the proportional method.</source>
        <translation>回归至少需要 3 个有统计数据且代理值之和为正、有变化的区域年份；可用的只有 {n} 个。请使用按比例分配方法。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="272" />
        <source>The {role} have a row without region key (NULL), year {raw_year}.</source>
        <translation>{role}中有一行没有区域键（NULL），年份为 {raw_year}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="277" />
        <source>The {role} of region '{key}' have the year '{raw_year}', not a year.</source>
        <translation>区域“{key}”的{role}年份为“{raw_year}”，不是年份。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="289" />
        <source>The {role} value '{raw}' of region '{key}', year {year} is not a number.</source>
        <translation>区域“{key}”在 {year} 年的{role}值“{raw}”不是数值。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="295" />
        <source>The {role} have two values for region '{key}', year {year}.</source>
        <translation>区域“{key}”在 {year} 年有两个{role}值。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="300" />
        <source>Empty {role} values were skipped: {empty}.</source>
        <translation>已跳过空的{role}值：{empty}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="437" />
        <source>The region field is empty (NULL) for {n_nulls} features (feature {nulls}); every region needs a key.</source>
        <translation>有 {n_nulls} 个要素的区域字段为空（NULL）（要素 {nulls}）；每个区域都需要键。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="450" />
        <source>No statistics region key matches the region field (statistics: {stat_keys}; regions: {feature_keys}). Check the region fields.</source>
        <translation>统计数据的区域键与区域字段均不匹配（统计数据：{stat_keys}；区域：{feature_keys}）。请检查区域字段。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="456" />
        <source>statistics for regions that match no polygon: {regions}</source>
        <translation>统计数据中没有对应面的区域：{regions}</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="460" />
        <source>polygons without statistics: {regions}</source>
        <translation>没有统计数据的面：{regions}</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="469" />
        <source>regions without statistics in some years: {regions}</source>
        <translation>部分年份缺少统计数据的区域：{regions}</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="473" />
        <source>Unmatched regions: {problems}. Fix the keys, or set ALLOW_UNMATCHED to grid what matches.</source>
        <translation>区域不匹配：{problems}。请修正区域键，或设置 ALLOW_UNMATCHED 以仅对匹配部分进行格网化。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="477" />
        <source>Unmatched regions: {problems}.</source>
        <translation>区域不匹配：{problems}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="492" />
        <source>The proxy has no band for the years {years} (it has {first}-{last}). Give a proxy with these years, or statistics for the proxy's years only.</source>
        <translation>代理变量缺少以下年份的波段：{years}（其年份为 {first}-{last}）。请提供包含这些年份的代理变量，或只提供代理变量所含年份的统计数据。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="498" />
        <source>No year to grid.</source>
        <translation>没有可格网化的年份。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="519" />
        <source>Power-law fit over region-years with statistics: {fit}</source>
        <translation>在有统计数据的区域年份上拟合的幂函数：{fit}</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="533" />
        <source>{year}: the known total {total:,.1f} is smaller than the sum of the regional statistics {known:,.1f}.</source>
        <translation>{year}：已知总量 {total:,.1f} 小于各区域统计值之和 {known:,.1f}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="540" />
        <source>{year}: the regions without statistics have no proxy; {rest:,.1f} of the known total could not be placed.</source>
        <translation>{year}：没有统计数据的区域没有代理值；已知总量中有 {rest:,.1f} 无法分配。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="548" />
        <source>Estimated by the regression: {n_filled} region-years ({filled}).</source>
        <translation>由回归估算：{n_filled} 个区域年份（{filled}）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="559" />
        <source>{year}: the statistics sum to {known:,.1f} but the known total is {total:,.1f}; the statistics were kept.</source>
        <translation>{year}：统计值之和为 {known:,.1f}，但已知总量为 {total:,.1f}；已保留统计值。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="725" />
        <source>The point source {label} has the value {value}; it must be &gt;= 0.</source>
        <translation>点源 {label} 的值为 {value}；该值必须 &gt;= 0。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="593" />
        <source>Point sources outside the proxy grid were ignored: {outside}.</source>
        <translation>已忽略位于代理变量格网之外的点源：{outside}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="597" />
        <source>{other_year} point sources in years that are not gridded were ignored.</source>
        <translation>已忽略 {other_year} 个年份不在格网化年份中的点源。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="601" />
        <source>Point sources outside every region with statistics were ignored: {no_region}.</source>
        <translation>已忽略不在任何有统计数据区域内的点源：{no_region}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="609" />
        <source>Point sources exceed the regional emission and were scaled down to it: {regions}.</source>
        <translation>点源超过了区域碳排放量，已按比例缩减至该值：{regions}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="212" />
        <source>Unknown method '{method}': use one of {choices}.</source>
        <translation>未知的方法“{method}”：请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="216" />
        <source>Unknown cell assignment '{assignment}': use one of {choices}.</source>
        <translation>未知的像元归属方式“{assignment}”：请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="701" />
        <source>{n_feature_keys} region keys were given for {n_geometries} regions.</source>
        <translation>给出了 {n_feature_keys} 个区域键，但区域有 {n_geometries} 个。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="705" />
        <source>The regions layer has no features.</source>
        <translation>区域图层没有任何要素。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="643" />
        <source>There are no statistics to allocate.</source>
        <translation>没有可分配的统计数据。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="739" />
        <source>The proxy '{name}' has one band; it is used for every year.</source>
        <translation>代理变量“{name}”只有一个波段；该波段将用于所有年份。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="657" />
        <source>The proxy raster '{proxy}' does not overlap the regions (no cell of its grid, bounds {bounds}, lies in any region). Check that both cover the same area and their CRS.</source>
        <translation>代理变量栅格“{proxy}”与区域不重叠（其格网范围 {bounds} 内没有任何像元落在区域中）。请检查两者是否覆盖同一地区以及坐标参考系。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="756" />
        <source>The regions {regions} cover no cell of the proxy grid; their emissions cannot be placed. Use a proxy covering every region, or set ALLOW_UNMATCHED.</source>
        <translation>区域 {regions} 未覆盖代理变量格网的任何像元；其碳排放无法分配。请使用覆盖全部区域的代理变量，或设置 ALLOW_UNMATCHED。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="761" />
        <source>The regions {regions} cover no cell of the proxy grid; their emissions cannot be placed.</source>
        <translation>区域 {regions} 未覆盖代理变量格网的任何像元；其碳排放无法分配。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="782" />
        <source>No proxy signal (weighted proxy sum 0) in the regions {regions}: their emission is spread by area.</source>
        <translation>区域 {regions} 没有代理信号（加权代理值之和为 0）：其碳排放按面积分配。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="52" />
        <source>Risk level breaks must be 4 increasing numbers between 0 and 1; got {got}.</source>
        <translation>风险等级断点必须是介于 0 与 1 之间的 4 个递增数值；实际为 {got}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="93" />
        <source>Components must be among {choices}; got {got}.</source>
        <translation>分量必须属于 {choices}；实际为 {got}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="107" />
        <source>The carbon price must be &gt;= 0; got {price}.</source>
        <translation>碳价必须 &gt;= 0；实际为 {price}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="350" />
        <source>The pressure component (emission density) needs the region areas (AREA_KM2).</source>
        <translation>压力分量（碳排放密度）需要区域面积（AREA_KM2）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="356" />
        <source>Need one area per region ({n_regions}); got {n_areas}.</source>
        <translation>每个区域需要一个面积（{n_regions} 个）；实际为 {n_areas} 个。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="360" />
        <source>{n_regions} region(s) have no positive area; their pressure is NULL.</source>
        <translation>有 {n_regions} 个区域没有正的面积；其压力分量为 NULL。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="294" />
        <source>{n_regions} region(s) have fewer than 2 years with data in the first period: no trend, so no risk index, in that period.</source>
        <translation>有 {n_regions} 个区域在第一个时段内有数据的年份少于 2 年：该时段没有趋势，因此没有风险指数。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="214" />
        <source>Entropy weights need at least 2 regions x periods with every component known.</source>
        <translation>熵权法至少需要 2 个各分量均已知的“区域 x 时段”观测。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/raster.py" line="77" />
        <source>Cannot open the {role} raster '{path}': {err}</source>
        <translation>无法打开{role}栅格“{path}”：{err}</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/raster.py" line="81" />
        <source>The {role} raster '{path}' has no bands.</source>
        <translation>{role}栅格“{path}”没有波段。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/raster.py" line="92" />
        <source>The {role} raster '{name}' has no coordinate reference system. Assign one (Raster &gt; Projections &gt; Assign Projection) and run again.</source>
        <translation>{role}栅格“{name}”没有坐标参考系。请为其指定坐标参考系（栅格 &gt; 投影 &gt; 指定投影）后重新运行。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/raster.py" line="98" />
        <source>The {role} raster '{name}' is rotated or not north-up; warp it first (gdalwarp).</source>
        <translation>{role}栅格“{name}”经过旋转或不是北向朝上；请先对其重投影（gdalwarp）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/blockio.py" line="370" />
        <source>Unknown resampling '{resampling}': use one of {choices}.</source>
        <translation>未知的重采样方法“{resampling}”：请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/risk.py" line="52" />
        <source>Entropy weights need at least 2 observations; got shape {x_shape}.</source>
        <translation>熵权法至少需要 2 个观测；实际形状为 {x_shape}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/risk.py" line="56" />
        <source>Entropy weights need non-negative values without NULL/NaN.</source>
        <translation>熵权法需要非负且不含 NULL/NaN 的值。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/risk.py" line="99" />
        <source>The CSR cap must be greater than 1; got {cap}.</source>
        <translation>CSR 上限必须大于 1；实际为 {cap}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/risk.py" line="143" />
        <source>first_slope needs one value per region ({n_regions}); got {got}.</source>
        <translation>first_slope 需要每个区域一个值（{n_regions} 个）；实际为 {got}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/risk.py" line="173" />
        <source>Emission density must be shaped {csr_shape}; got {pressure_shape}.</source>
        <translation>碳排放密度的形状必须为 {csr_shape}；实际为 {pressure_shape}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/risk.py" line="192" />
        <source>Unknown weight mode '{mode}': use one of {choices}.</source>
        <translation>未知的权重方式“{mode}”：请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/risk.py" line="197" />
        <source>Give {n} user weights (one per component); got {weights}.</source>
        <translation>请给出 {n} 个用户权重（每个分量一个）；实际为 {weights}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/risk.py" line="201" />
        <source>User weights must not be negative; got {weights}.</source>
        <translation>用户权重不能为负；实际为 {weights}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/risk.py" line="205" />
        <source>User weights are all zero; give at least one positive weight.</source>
        <translation>用户权重全部为零；请至少给出一个正权重。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/risk.py" line="226" />
        <source>Need {n_components} non-negative weights; got {weights}.</source>
        <translation>需要 {n_components} 个非负权重；实际为 {weights}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/risk.py" line="230" />
        <source>Weights must sum to 1; got {total:g}.</source>
        <translation>权重之和必须为 1；实际为 {total:g}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/risk.py" line="248" />
        <source>Risk level breaks must increase; got {got}.</source>
        <translation>风险等级断点必须递增；实际为 {got}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/risk.py" line="275" />
        <source>Total emission must be positive for compensation; got {e_total:g}.</source>
        <translation>进行碳补偿计算时碳排放总量必须为正；实际为 {e_total:g}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/spatial.py" line="111" />
        <source>Feature {i} has neighbour ids outside 0..{last_id}: {ids}.</source>
        <translation>要素 {i} 的邻居编号超出 0..{last_id}：{ids}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/spatial.py" line="121" />
        <source>The distance band must be positive; got {threshold}.</source>
        <translation>距离阈值必须为正；实际为 {threshold}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/spatial.py" line="131" />
        <source>k must be between 1 and the number of features - 1; got {k}.</source>
        <translation>k 必须介于 1 与要素数 - 1 之间；实际为 {k}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/spatial.py" line="156" />
        <source>No feature has a neighbour: choose other spatial weights.</source>
        <translation>没有任何要素有邻居：请选择其他空间权重。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/spatial.py" line="183" />
        <source>Local Moran needs at least 1 permutation for its pseudo p-values.</source>
        <translation>局部 Moran 计算伪 p 值至少需要 1 次置换。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/spatial.py" line="228" />
        <source>Got {n_values} values for {n_features} features.</source>
        <translation>有 {n_values} 个值，但要素有 {n_features} 个。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/spatial.py" line="232" />
        <source>{n_null} features have NULL values; drop them first (Weights.subset).</source>
        <translation>有 {n_null} 个要素的值为 NULL；请先将其剔除（Weights.subset）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/spatial.py" line="236" />
        <source>Spatial statistics need at least 4 features with differing values.</source>
        <translation>空间统计至少需要 4 个取值不全相同的要素。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/spatial.py" line="245" />
        <source>Coordinates must be (n, 2) numbers without NULL; got shape {xy_shape}.</source>
        <translation>坐标必须为 (n, 2) 形状且不含 NULL 的数值；实际形状为 {xy_shape}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/timeseries.py" line="74" />
        <source>The band descriptions of the {role} raster '{path}' are not years ({shown}). Set START_YEAR (the year of band 1), or build the raster with 'Stack yearly rasters'.</source>
        <translation>{role}栅格“{path}”的波段描述不是年份（{shown}）。请设置 START_YEAR（波段 1 的年份），或用“逐年栅格合成时间序列”生成该栅格。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/timeseries.py" line="177" />
        <source>The {role} raster '{path}' has {n_bands} bands; give one file per year, or a single multi-band time-series raster.</source>
        <translation>{role}栅格“{path}”有 {n_bands} 个波段；请每年提供一个文件，或提供单个多波段时间序列栅格。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/timeseries.py" line="196" />
        <source>No year found in the name or band description of the {role} raster '{path}'. Rename it with a 4-digit year (e.g. npp_2005.tif) or give the years explicitly.</source>
        <translation>在{role}栅格“{path}”的文件名或波段描述中未找到年份。请用 4 位数年份重命名（例如 npp_2005.tif），或明确给出年份。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/timeseries.py" line="209" />
        <source>Year {year} appears twice in the {role} rasters ('{first_path}' and '{second_path}'); remove one or give the years explicitly.</source>
        <translation>年份 {year} 在{role}栅格中出现了两次（“{first_path}”和“{second_path}”）；请删除其中一个，或明确给出年份。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/timeseries.py" line="217" />
        <source>The {role} series has no data for the years {years}.</source>
        <translation>{role}时间序列缺少以下年份的数据：{years}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/timeseries.py" line="264" />
        <source>No {role} raster was given.</source>
        <translation>未给出{role}栅格。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/timeseries.py" line="280" />
        <source>The {role} raster '{p}' does not align with the reference grid (size, cell size, origin or CRS differ); choose a resampling method to align it.</source>
        <translation>{role}栅格“{p}”与参考格网不对齐（大小、像元大小、原点或坐标参考系不同）；请选择重采样方法以对齐。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/timeseries.py" line="285" />
        <source>Aligning the {role} raster '{p}' to the reference grid ({resampling} resampling).</source>
        <translation>正在将{role}栅格“{p}”对齐到参考格网（{resampling} 重采样）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/timeseries.py" line="299" />
        <source>{n_years} years were given for {n_slots} {role} bands; give one year per band.</source>
        <translation>给出了 {n_years} 个年份，但{role}波段有 {n_slots} 个；请为每个波段给出一个年份。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/trend.py" line="408" />
        <source>A trend needs at least {MIN_VALUES} years; got {n_years} ({years}). Add years.</source>
        <translation>趋势计算至少需要 {MIN_VALUES} 年；实际为 {n_years} 年（{years}）。请增加年份。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/trend.py" line="413" />
        <source>Years must be unique; got {years}.</source>
        <translation>年份必须唯一；实际为 {years}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/trend.py" line="415" />
        <source>Period length {length} must be between 1 and the number of years ({n_years}).</source>
        <translation>时段长度 {length} 必须介于 1 与年份数（{n_years}）之间。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/trend.py" line="451" />
        <source>State breaks must be 4 increasing CSR values; got {breaks}.</source>
        <translation>状态断点必须是 4 个递增的 CSR 值；实际为 {breaks}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/trend.py" line="515" />
        <source>x (years) must be {n} strictly increasing values; got {got}.</source>
        <translation>x（年份）必须是 {n} 个严格递增的值；实际为 {got}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/trend.py" line="527" />
        <source>Expected a block (n_years, rows, cols); got shape {stack_shape}.</source>
        <translation>应为 (n_years, rows, cols) 形状的数据块；实际形状为 {stack_shape}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/units.py" line="19" />
        <source>Unknown carbon unit '{units}': use one of {choices}.</source>
        <translation>未知的碳单位“{units}”：请使用以下之一：{choices}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/zonal.py" line="79" />
        <source>A raster is not on the grid the region coverage was computed for; open it on that grid (open_time_series(..., grid=...)) or compute a coverage for its own grid.</source>
        <translation>某个栅格不在计算区域覆盖时所用的格网上；请在该格网上打开它（open_time_series(..., grid=...)），或为其自身的格网计算覆盖。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/landuse.py" line="61" />
        <source>The {what} CSV '{path}' lacks the column(s) {missing}; its header must name {required} (found: {found}).</source>
        <translation>{what} CSV“{path}”缺少列 {missing}；表头必须包含 {required}（实际为：{found}）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/landuse.py" line="79" />
        <source>'{path}' line {line}: {column} '{text}' is not a number.</source>
        <translation>“{path}”第 {line} 行：{column}“{text}”不是数字。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/landuse.py" line="91" />
        <source>'{path}' line {line}: class code '{code}' is not an integer.</source>
        <translation>“{path}”第 {line} 行：类别代码“{code}”不是整数。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/landuse.py" line="96" />
        <source>'{path}' line {line}: class code {code} appears twice.</source>
        <translation>“{path}”第 {line} 行：类别代码 {code} 重复出现。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/landuse.py" line="102" />
        <source>The land-use coefficient CSV '{path}' has no classes.</source>
        <translation>土地利用系数 CSV“{path}”中没有任何类别。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/landuse.py" line="111" />
        <source>Unknown land-use preset '{name}': use one of {presets}.</source>
        <translation>未知的土地利用预设“{name}”：请使用 {presets} 之一。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/landuse.py" line="125" />
        <source>'{path}' line {line}: crop '{crop}' needs 0 &lt; carbon_fraction &lt;= 1, 0 &lt; harvest_index &lt;= 1 and 0 &lt;= water_content &lt; 1.</source>
        <translation>“{path}”第 {line} 行：作物“{crop}”要求 0 &lt; carbon_fraction &lt;= 1、0 &lt; harvest_index &lt;= 1 且 0 &lt;= water_content &lt; 1。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/landuse.py" line="138" />
        <source>No crop parameters for '{crop}'; add it to the crop parameter CSV (known: {known}).</source>
        <translation>没有作物“{crop}”的参数；请将其加入作物参数 CSV（已有：{known}）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/landuse.py" line="142" />
        <source>The production of '{crop}' must be a number &gt;= 0 t, not {value}.</source>
        <translation>“{crop}”的产量必须是 &gt;= 0 t 的数字，而不是 {value}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/landuse.py" line="152" />
        <source>The cropland area must be &gt; 0 ha to spread crop carbon over, not {area}.</source>
        <translation>用于分摊作物碳量的耕地面积必须 &gt; 0 ha，而不是 {area}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/landuse.py" line="181" />
        <source>Land-use class codes not in the coefficient table (no sink there, nodata): {codes}. Add them to a coefficient CSV if they should count.</source>
        <translation>系数表中没有的土地利用类别代码（这些位置无碳汇，记为无数据）：{codes}。如需计入，请将其加入系数 CSV。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/landuse.py" line="185" />
        <source>Land-use class codes not in the coefficient table (no sink there, nodata): {codes} per year on average. Add them to a coefficient CSV if they should count.</source>
        <translation>系数表中没有的土地利用类别代码（这些位置无碳汇，记为无数据）：年均 {codes}。如需计入，请将其加入系数 CSV。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/landuse.py" line="236" />
        <source>No land-use raster was given.</source>
        <translation>未给出土地利用栅格。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/landuse.py" line="244" />
        <source>One land-use layer stands for all {count} years.</source>
        <translation>一个土地利用图层代表全部 {count} 年。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="56" />
        <source>Annual climate: Rh = 12 x Rh_month(mean temperature, total precipitation / 12), an approximation of the sum of 12 monthly values: with seasonal climate it gives a lower Rh (about 10 % lower for a 27 C annual temperature range), hence a higher NEP. Monthly climate gives the exact sum.</source>
        <translation>年尺度气候：Rh = 12 x Rh_month(年平均气温, 年降水量 / 12)，是 12 个月值之和的近似：气候有季节变化时 Rh 偏低（气温年较差 27 C 时约低 10 %），因而 NEP 偏高。月尺度气候给出精确的逐月之和。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="232" />
        <source>Negative precipitation: {cells} cells, lowest {lowest} mm. Precipitation must be &gt;= 0 mm; if negative values are a fill code, set it as the raster's nodata value (Raster &gt; Conversion &gt; Translate, 'Assign a specified nodata value').</source>
        <translation>降水为负：{cells} 个像元，最低 {lowest} mm。降水必须 &gt;= 0 mm；若负值是填充码，请将其设为栅格的无数据值（栅格 &gt; 转换 &gt; 转换格式，“指定无数据值”）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="236" />
        <source>Negative precipitation in the precipitation rasters for {year}: {cells} cells, lowest {lowest} mm. Precipitation must be &gt;= 0 mm; if negative values are a fill code, set it as the raster's nodata value (Raster &gt; Conversion &gt; Translate, 'Assign a specified nodata value').</source>
        <translation>{year} 年降水栅格中出现负降水：{cells} 个像元，最低 {lowest} mm。降水必须 &gt;= 0 mm；若负值是填充码，请将其设为栅格的无数据值（栅格 &gt; 转换 &gt; 转换格式，“指定无数据值”）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="101" />
        <source>Monthly climate needs 12 months per year, got {t_months} and {p_months}.</source>
        <translation>月尺度气候每年需要 12 个月，实际为 {t_months} 和 {p_months}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="530" />
        <source>Unknown sign mode '{mode}': use one of {modes}.</source>
        <translation>未知的符号模式“{mode}”：请使用 {modes} 之一。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="207" />
        <source>The {role} raster '{path}' has {n_bands} bands described as years ({shown}): this looks like annual climate, but CLIMATE_TIMESTEP is monthly (12 bands per year). Set CLIMATE_TIMESTEP to annual (mean temperature, total precipitation), or give monthly rasters (bands described 'YYYY-MM', or START_YEAR with 12 x years bands).</source>
        <translation>{role} 栅格“{path}”有 {n_bands} 个以年份描述的波段（{shown}）：这看起来是年尺度气候，但 CLIMATE_TIMESTEP 为逐月（每年 12 个波段）。请将 CLIMATE_TIMESTEP 设为逐年（年平均气温、年降水量），或提供逐月栅格（波段描述为“YYYY-MM”，或设置 START_YEAR 且波段数为 12 x 年数）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="222" />
        <source>No year and month found for the single-band {role} raster '{path}'. Name monthly files with 'YYYY-MM' or 'YYYYMM', or give one 12-band raster per year, or one raster of 12 x years bands with START_YEAR.</source>
        <translation>单波段 {role} 栅格“{path}”中找不到年份和月份。请以“YYYY-MM”或“YYYYMM”命名逐月文件，或每年提供一个 12 波段栅格，或提供一个 12 x 年数波段的栅格并设置 START_YEAR。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="229" />
        <source>The {role} raster '{path}' has {n_bands} bands, not 12 x years: this looks like annual climate, but CLIMATE_TIMESTEP is monthly (12 bands per year). Set CLIMATE_TIMESTEP to annual (mean temperature, total precipitation), or give monthly rasters (bands described 'YYYY-MM', or START_YEAR with 12 x years bands).</source>
        <translation>{role} 栅格“{path}”有 {n_bands} 个波段，不是 12 x 年数：这看起来是年尺度气候，但 CLIMATE_TIMESTEP 为逐月（每年 12 个波段）。请将 CLIMATE_TIMESTEP 设为逐年（年平均气温、年降水量），或提供逐月栅格（波段描述为“YYYY-MM”，或设置 START_YEAR 且波段数为 12 x 年数）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="237" />
        <source>The band descriptions of the {role} raster '{path}' are not 'YYYY-MM' months; set START_YEAR (band 1 = January of that year, 12 bands per year).</source>
        <translation>{role} 栅格“{path}”的波段描述不是“YYYY-MM”月份；请设置 START_YEAR（波段 1 = 该年 1 月，每年 12 个波段）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="244" />
        <source>The {role} raster '{path}' has {n_bands} bands; in a list of monthly rasters each file holds the 12 months of one year (or one month).</source>
        <translation>{role} 栅格“{path}”有 {n_bands} 个波段；在逐月栅格列表中，每个文件应包含一年的 12 个月（或一个月）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="249" />
        <source>No year found in the name of the 12-band {role} raster '{path}'; put the 4-digit year in the file name (e.g. tmp_2005.tif).</source>
        <translation>12 波段 {role} 栅格“{path}”的名称中找不到年份；请在文件名中写入 4 位年份（例如 tmp_2005.tif）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="375" />
        <source>Unknown climate time step '{timestep}': use monthly or annual.</source>
        <translation>未知的气候时间步长“{timestep}”：请使用 monthly（逐月）或 annual（逐年）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="397" />
        <source>The {role} raster '{path}' has monthly bands ({first}, {second}, ...) but CLIMATE_TIMESTEP is annual; set it to monthly.</source>
        <translation>{role} 栅格“{path}”是逐月波段（{first}、{second}……），但 CLIMATE_TIMESTEP 为逐年；请设为逐月。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="413" />
        <source>Month {month} appears twice in the {role} rasters.</source>
        <translation>月份 {month} 在 {role} 栅格中出现两次。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="424" />
        <source>The {role} series lacks months in {years}: those years are left out.</source>
        <translation>{role} 序列在 {years} 缺少月份：这些年份被略去。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="428" />
        <source>The {role} rasters hold no complete year of 12 months.</source>
        <translation>{role} 栅格中没有完整的 12 个月的年份。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="534" />
        <source>NPP_SCALE must be a positive number, not {scale}.</source>
        <translation>NPP_SCALE 必须为正数，而不是 {scale}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="568" />
        <source>Temperature and precipitation cover different years; only common years are used (temperature only: {t_only}; precipitation only: {p_only}).</source>
        <translation>气温与降水覆盖的年份不同；仅使用共同年份（仅有气温：{t_only}；仅有降水：{p_only}）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="574" />
        <source>The NPP years ({npp_years}) and the climate years ({climate_years}) do not overlap; give climate rasters for the NPP years (or check START_YEAR).</source>
        <translation>NPP 年份（{npp_years}）与气候年份（{climate_years}）没有重叠；请提供 NPP 年份的气候栅格（或检查 START_YEAR）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="581" />
        <source>No climate for the NPP years {years}: these years are left out of the outputs.</source>
        <translation>NPP 年份 {years} 没有气候数据：这些年份不写入输出。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="584" />
        <source>Years computed: {years} ({count}).</source>
        <translation>已计算年份：{years}（{count} 年）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/sinks.py" line="658" />
        <source>{count} cell-years have NPP but no climate value (outside the climate rasters or nodata there): they have no sink (nodata).</source>
        <translation>{count} 个像元-年有 NPP 但无气候值（在气候栅格范围外或为无数据）：这些位置无碳汇（无数据）。</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="48" />
        <source>State: share of the emission not absorbed, 1 - S/E (relative: log of the ratio)</source>
        <translation>状态：未被吸收的碳排放占比 1 - S/E（相对法：源汇比的对数）</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="48" />
        <source>Trend: Mann-Kendall rise of the ratio in the period (relative: change from the previous period)</source>
        <translation>趋势：时段内源汇比的 Mann-Kendall 上升趋势（相对法：相对上一时段的变化）</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="48" />
        <source>Pressure: emission density (t per km2 per year)</source>
        <translation>压力：碳排放密度（t/km2/年）</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="59" />
        <source>Absolute: bounded components, comparable across regions and periods</source>
        <translation>绝对指数：各分量有界，可在区域和时段之间比较</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="59" />
        <source>Relative: min-max over the regions and periods of this layer (earlier method)</source>
        <translation>相对指数：在本图层全部区域和时段上进行极差（min-max）标准化（原方法）</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="80" />
        <source>Normalisation</source>
        <translation>标准化方法</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="85" />
        <source>Weights (empty: equal for absolute, entropy for relative)</source>
        <translation>权重（留空：绝对指数用等权重，相对指数用熵权法）</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="90" />
        <source>Reference emission density for the pressure component (t per km2 per year; empty: the median of the layer)</source>
        <translation>压力分量的参考碳排放密度（t/km2/年；留空：取本图层的中位数）</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="96" />
        <source>Cap on the source/sink ratio (relative normalisation)</source>
        <translation>碳源汇比上限（相对标准化）</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="190" />
        <source>Normalisation and weighting</source>
        <translation>标准化与赋权方法</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="199" />
        <source>Mann-Kendall Z read from the MKZ_yyyy fields of the input layer.</source>
        <translation>Mann-Kendall Z 取自输入图层的 MKZ_yyyy 字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="203" />
        <source>Method: {method}; weights: {weights}</source>
        <translation>方法：{method}；权重：{weights}</translation>
    </message>
    <message>
        <location filename="../algorithms/riskuncertainty.py" line="27" />
        <source>Uncertainty of the imbalance risk (Monte Carlo)</source>
        <translation>碳失衡风险不确定性（蒙特卡洛）</translation>
    </message>
    <message>
        <location filename="../algorithms/riskuncertainty.py" line="29" />
        <source>carbon imbalance,risk index,uncertainty,Monte Carlo,confidence interval,probability</source>
        <translation>碳失衡,风险指数,不确定性,蒙特卡洛,置信区间,概率</translation>
    </message>
    <message>
        <location filename="../algorithms/riskuncertainty.py" line="44" />
        <source>Relative standard deviation of the emissions (0.10 = 10 %)</source>
        <translation>碳排放的相对标准差（0.10 = 10 %）</translation>
    </message>
    <message>
        <location filename="../algorithms/riskuncertainty.py" line="47" />
        <source>Relative standard deviation of the sinks (0.30 = 30 %)</source>
        <translation>碳汇的相对标准差（0.30 = 30 %）</translation>
    </message>
    <message>
        <location filename="../algorithms/riskuncertainty.py" line="50" />
        <source>Share of the error common to all years of a region (0-1)</source>
        <translation>区域各年共有误差所占比例（0-1）</translation>
    </message>
    <message>
        <location filename="../algorithms/riskuncertainty.py" line="55" />
        <source>Number of draws</source>
        <translation>抽样次数</translation>
    </message>
    <message>
        <location filename="../algorithms/riskuncertainty.py" line="57" />
        <source>Random seed (empty: a new one each run)</source>
        <translation>随机种子（留空：每次运行使用新的种子）</translation>
    </message>
    <message>
        <location filename="../algorithms/riskuncertainty.py" line="61" />
        <source>Risk uncertainty layer</source>
        <translation>风险不确定性图层</translation>
    </message>
    <message>
        <location filename="../algorithms/riskuncertainty.py" line="62" />
        <source>Regions whose last-period level is uncertain</source>
        <translation>最后一个时段风险等级不确定的区域数</translation>
    </message>
    <message>
        <location filename="../algorithms/riskuncertainty.py" line="91" />
        <source>{period}: {n} region(s) with an uncertain level (most likely level below {p:.0%})</source>
        <translation>{period}：{n} 个区域的风险等级不确定（最可能等级的概率低于 {p:.0%}）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="87" />
        <source>Unknown normalisation '{got}': use one of {choices}.</source>
        <translation>未知的标准化方法“{got}”：请使用 {choices} 之一。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="99" />
        <source>The reference emission density must be positive (t per km2 per year); got {value}.</source>
        <translation>参考碳排放密度必须为正数（t/km2/年）；实际为 {value}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="289" />
        <source>{n} region-period(s) have fewer than 3 years with a source/sink ratio: no trend there (trend score 0.5).</source>
        <translation>{n} 个“区域-时段”有源汇比的年份少于 3 年：该处无趋势（趋势得分 0.5）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="299" />
        <source>No reference emission density given: the pressure component uses the median density of these regions and periods, {value:.1f} t per km2 per year, so it is relative to this set of regions.</source>
        <translation>未给出参考碳排放密度：压力分量使用这些区域和时段的碳排放密度中位数 {value:.1f} t/km2/年，因此该分量相对于这组区域。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/uncertainty.py" line="50" />
        <source>The relative standard deviation of the {role} must be between 0 and 5 (0.3 = 30 %); got {value}.</source>
        <translation>{role} 的相对标准差必须在 0 到 5 之间（0.3 = 30 %）；实际为 {value}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/uncertainty.py" line="55" />
        <source>The shared share of the error must be between 0 and 1; got {value}.</source>
        <translation>误差中共有部分的比例必须在 0 到 1 之间；实际为 {value}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/uncertainty.py" line="59" />
        <source>Give at least 2 draws; got {value}.</source>
        <translation>至少需要 2 次抽样；实际为 {value}。</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Risk uncertainty (Monte Carlo)</source>
        <translation>风险不确定性（蒙特卡洛）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Uncertainty of the risk index (Monte Carlo)</source>
        <translation>风险指数的不确定性（蒙特卡洛）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/model.py" line="32" />
        <source>Absolute index</source>
        <translation>绝对指数</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/model.py" line="33" />
        <source>Relative index (min-max)</source>
        <translation>相对指数（极差标准化）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/model.py" line="36" />
        <source>User weights</source>
        <translation>用户权重</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Risk index method: {normalisation}, {weighting}.</source>
        <translation>风险指数方法：{normalisation}，{weighting}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>The index is absolute: its components are bounded (state 1 - S/E, trend from the Mann-Kendall Z of the annual CSR), so a region's index depends on its own data only and can be compared across regions, periods and provinces.</source>
        <translation>该指数为绝对指数：各分量有界（状态 1 - S/E，趋势取自逐年 CSR 的 Mann-Kendall Z），因此一个区域的指数只取决于它自身的数据，可在区域、时段和省份之间比较。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>This is a RELATIVE index: every component is min-max normalised over the regions and periods of this layer, so a region's index depends on the other regions in the layer. Its values and levels are not comparable across provinces or with other runs.</source>
        <translation>这是一个相对指数：每个分量都在本图层的全部区域和时段上进行极差（min-max）标准化，因此一个区域的指数取决于图层中的其他区域。其数值和等级不能在省份之间或与其他运行结果比较。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>The normalisation of the index is not known: give the risk summary table or the METHOD text of the risk tool.</source>
        <translation>风险指数的标准化方法未知：请给出风险汇总表或风险工具的 METHOD 文本。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Index RI = sum of weight x component (state: 1 - S/E clipped to [0, 1]; trend: normal probability of the Mann-Kendall Z of the annual CSR in the period; pressure: density / (density + reference density)).</source>
        <translation>风险指数 RI = 各分量与其权重乘积之和（状态：1 - S/E，截断到 [0, 1]；趋势：时段内逐年 CSR 的 Mann-Kendall Z 的标准正态概率；压力：密度 / (密度 + 参考密度)）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Risk index distribution {period}</source>
        <translation>风险指数分布 {period}</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Regions per risk index bin of 0.1; bars coloured by risk level (default breaks).</source>
        <translation>风险指数每 0.1 一组的区域数；柱按风险等级着色（默认断点）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>No uncertainty layer (RIM_yyyy, RIL_yyyy, RIH_yyyy, PH_yyyy, PL_yyyy fields) was given.</source>
        <translation>未给出不确定性图层（RIM_yyyy、RIL_yyyy、RIH_yyyy、PH_yyyy、PL_yyyy 字段）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>{period}: {n} of {regions}</source>
        <translation>{period}：{regions} 个中 {n} 个</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Regions with an uncertain risk level (the most likely level has a probability below {p}): {counts}.</source>
        <translation>风险等级不确定的区域（最可能等级的概率低于 {p}）：{counts}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Regions with the widest 5-95 % interval of the risk index in {period}.</source>
        <translation>{period} 风险指数 5-95 % 区间最宽的区域。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Median index</source>
        <translation>指数中位数</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Interval width</source>
        <translation>区间宽度</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>P(RI &gt;= 0.6)</source>
        <translation>P(RI &gt;= 0.6)</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Most likely level</source>
        <translation>最可能等级</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>Probability of that level</source>
        <translation>该等级的概率</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="121" />
        <source>Method of the risk index (e.g. 'absolute index, equal weights'; empty: from the risk summary)</source>
        <translation>风险指数的方法（例如 'absolute index, equal weights'；留空：取自风险汇总）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="124" />
        <source>Risk uncertainty layer (RIM_yyyy, PH_yyyy, PL_yyyy fields)</source>
        <translation>风险不确定性图层（RIM_yyyy、PH_yyyy、PL_yyyy 字段）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="225" />
        <source>Probability of a high risk index (0.6 or more), {period}</source>
        <translation>风险指数较高（不小于 0.6）的概率，{period}</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="353" />
        <source>METHOD ('{text}') differs from the risk summary table ({normalisation}, {weighting}); the table's is shown.</source>
        <translation>METHOD（'{text}'）与风险汇总表（{normalisation}，{weighting}）不一致；显示汇总表中的方法。</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="365" />
        <source>UNCERTAINTY: the layer could not be read.</source>
        <translation>UNCERTAINTY：无法读取该图层。</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="371" />
        <source>UNCERTAINTY: the layer has no RIM_yyyy, RIL_yyyy, RIH_yyyy, PH_yyyy and PL_yyyy fields; make it with 'Uncertainty of the imbalance risk (Monte Carlo)'.</source>
        <translation>UNCERTAINTY：该图层没有 RIM_yyyy、RIL_yyyy、RIH_yyyy、PH_yyyy 与 PL_yyyy 字段；请用“碳失衡风险不确定性（蒙特卡洛）”生成。</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="385" />
        <source>{period}: {n} of {regions} regions with an uncertain risk level.</source>
        <translation>{period}：{regions} 个区域中 {n} 个的风险等级不确定。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/budget.py" line="267" />
        <source>Region '{name}' has no {role} data in {years}: its {role} is NULL there (no data, not 0).</source>
        <translation>区域“{name}”在 {years} 没有 {role} 数据：该处 {role} 为 NULL（无数据，而非 0）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="336" />
        <source>No component varies between the regions and periods: the entropy weights carry no information and are equal.</source>
        <translation>各分量在区域和时段之间均无变化：熵权不含信息，取等权重。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="341" />
        <source>{period}: all {n} regions have the same risk index {value:.3f}; check that the emission and sink inputs differ between regions.</source>
        <translation>{period}：全部 {n} 个区域的风险指数相同，均为 {value:.3f}；请检查碳排放与碳汇输入在区域之间是否有差异。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="236" />
        <source>The output {output} '{path}' is the file of the input {input}: writing it would destroy the input. Choose another output file.</source>
        <translation>输出 {output}“{path}”正是输入 {input} 的文件：写出会破坏输入。请选择其他输出文件。</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="302" />
        <source>{name}: '{path}' is {encoding} text (not UTF-8); it is read through a UTF-8 copy.</source>
        <translation>{name}：“{path}”为 {encoding} 文本（不是 UTF-8）；已通过 UTF-8 副本读取。</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="153" />
        <source>{param}: the table has no field '{name}'; its fields are: {fields}.</source>
        <translation>{param}：表中没有字段“{name}”；现有字段为：{fields}。</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="88" />
        <source>Crop production table (t per region and year, a column per crop: wheat, maize, rice)</source>
        <translation>作物产量表（各区域逐年产量，单位 t，每种作物一列：wheat、maize、rice）</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="91" />
        <source>Crop table: region key field (default: as the regions' key field)</source>
        <translation>作物表：区域标识字段（默认与区域标识字段同名）</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="94" />
        <source>Crop table: year field</source>
        <translation>作物表：年份字段</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="97" />
        <source>Regions of the crop table (polygons)</source>
        <translation>作物表对应的区域（面）</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="99" />
        <source>Regions: key field</source>
        <translation>区域：标识字段</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="102" />
        <source>Cropland class code</source>
        <translation>耕地类别代码</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="104" />
        <source>Crop parameter CSV (crop, carbon_fraction, harvest_index, water_content; replaces the shipped table)</source>
        <translation>作物参数 CSV（crop、carbon_fraction、harvest_index、water_content；替代内置表）</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="152" />
        <source>{label} [{param}]: the layer has no field '{field}'.</source>
        <translation>{label} [{param}]：图层中没有字段“{field}”。</translation>
    </message>
    <message>
        <location filename="../algorithms/landusesink.py" line="164" />
        <source>A crop production table needs its regions: give the region polygons and their key field ({regions} [{regions_id}], {field} [{field_id}]).</source>
        <translation>作物产量表需要对应的区域：请给出区域面及其标识字段（{regions} [{regions_id}]，{field} [{field_id}]）。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="20" />
        <source>The whole chain on an energy consumption table per city: energy use -&gt; CO2 per city and year (energyemissions) -&gt; gridded by nighttime light over the cities (gridemissions); yearly NPP rasters (stackyears) and monthly climate -&gt; NEP sink (nepsink); net emission, ratio and state per cell (gridbudget); county budgets with exact zonal sums (zonalbudget); balance states and trends per period (balancetrend); imbalance risk index and levels (imbalancerisk) and their Monte Carlo uncertainty (riskuncertainty); hot spots of the last period's risk (hotspots); an HTML report (report) that names the counties by the name field. NPP scale and valid maximum default to NPP already in g C m-2 yr-1 (scale 1, no valid maximum). MODIS MOD17A3 digital numbers: set scale 0.1 and valid maximum 32700.</source>
        <translation>基于各城市能源消费表的完整链条：能源消费 -&gt; 各城市逐年 CO2（energyemissions）-&gt; 在城市范围内按夜间灯光空间化（gridemissions）；逐年 NPP 栅格（stackyears）与月气候 -&gt; NEP 碳汇（nepsink）；逐像元净排放、源汇比与状态（gridbudget）；精确分区求和的区县碳收支（zonalbudget）；分时段碳平衡状态与趋势（balancetrend）；碳失衡风险指数与等级（imbalancerisk）及其蒙特卡洛不确定性（riskuncertainty）；末时段风险热点（hotspots）；按名称字段标注区县的 HTML 报告（report）。NPP 比例系数与最大有效值默认按 NPP 已是 g C m-2 yr-1 处理（系数 1，不设最大有效值）。MODIS MOD17A3 原始数值：请将系数设为 0.1、最大有效值设为 32700。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="22" />
        <source>The whole chain on published emission statistics (CO2 in t per region and year, one row each, e.g. CEADs county or city tables): the statistics are gridded by nighttime light over the counties (gridemissions; counties sharing the matching key, e.g. a city code, share their city's statistic); yearly NPP rasters (stackyears) and annual climate, one band per year of mean temperature and total precipitation -&gt; NEP sink (nepsink, annual approximation); then grid budget, county budgets, balance trends, imbalance risk and its uncertainty, hot spots and the HTML report as in the energy workflow. NPP scale and valid maximum default to NPP already in g C m-2 yr-1 (scale 1, no valid maximum). MODIS MOD17A3 digital numbers: set scale 0.1 and valid maximum 32700.</source>
        <translation>基于已发布排放统计（各区域逐年 CO2，单位 t，每行一条，如 CEADs 区县或城市表）的完整链条：统计数据在区县范围内按夜间灯光空间化（gridemissions；对应字段取值相同的区县，如同一城市代码，共享该城市的统计值）；逐年 NPP 栅格（stackyears）与年气候（每年一个波段的平均气温与降水总量）-&gt; NEP 碳汇（nepsink，年尺度近似）；其后的格网收支、区县碳收支、平衡趋势、失衡风险及其不确定性、热点与 HTML 报告同能源流程。NPP 比例系数与最大有效值默认按 NPP 已是 g C m-2 yr-1 处理（系数 1，不设最大有效值）。MODIS MOD17A3 原始数值：请将系数设为 0.1、最大有效值设为 32700。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="21" />
        <source>The whole chain on published emission statistics (CO2 in t per region and year, one row each) and a land-use map instead of NPP: the statistics are gridded by nighttime light over the counties (gridemissions); the sink is the cell area times a coefficient per land-use class (landusesink, CNLUCC or CLCD preset), cropland from an optional crop production table per county and year (crop carbon = production x carbon fraction x (1 - water content) / harvest index, spread over the county's cropland; 0 without a table); then grid budget, county budgets, balance trends, imbalance risk and its uncertainty, hot spots and the HTML report as in the energy workflow.</source>
        <translation>基于已发布排放统计（各区域逐年 CO2，单位 t，每行一条）并以土地利用图代替 NPP 的完整链条：统计数据在区县范围内按夜间灯光空间化（gridemissions）；碳汇为像元面积乘以各土地利用类别的系数（landusesink，CNLUCC 或 CLCD 预设），耕地碳汇来自可选的区县逐年作物产量表（作物固碳量 = 产量 x 含碳率 x (1 - 含水率) / 收获指数，按面积分配到该区县耕地；无表时为 0）；其后的格网收支、区县碳收支、平衡趋势、失衡风险及其不确定性、热点与 HTML 报告同能源流程。</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Carbon imbalance risk workflow from emission statistics (annual climate)</source>
        <translation>碳失衡风险评估流程：基于排放统计（年气候）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Carbon imbalance risk workflow with the land-use sink</source>
        <translation>碳失衡风险评估流程：基于土地利用碳汇</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Cities: key field (as in the energy table)</source>
        <translation>城市：标识字段（与能源表一致）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Emission statistics table (CO2 in t per region and year, one row each)</source>
        <translation>排放统计表（各区域逐年 CO2，单位 t，每行一条）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Emission table: region key field</source>
        <translation>排放表：区域标识字段</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Emission table: year field</source>
        <translation>排放表：年份字段</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Emission table: CO2 field (t)</source>
        <translation>排放表：CO2 字段（t）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Crop production table (t per county and year, a column per crop: wheat, maize, rice)</source>
        <translation>作物产量表（各区县逐年产量，单位 t，每种作物一列：wheat、maize、rice）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Crop table: county key field</source>
        <translation>作物表：区县标识字段</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Counties: name field (names the counties in the report)</source>
        <translation>区县：名称字段（报告中用于显示区县名称）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Counties: field matching the emission table's regions (the county key, or the city key for city statistics)</source>
        <translation>区县：与排放表区域对应的字段（区县统计用区县标识，城市统计用城市标识）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Annual mean air temperature (deg C, one band per year)</source>
        <translation>年平均气温（deg C，每年一个波段）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Annual total precipitation (mm, one band per year)</source>
        <translation>年降水总量（mm，每年一个波段）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>NPP scale factor to g C m-2 yr-1 (1 = already in g C; 0.1 for MODIS MOD17A3)</source>
        <translation>NPP 换算为 g C m-2 yr-1 的比例系数（1 = 已是 g C；MODIS MOD17A3 为 0.1）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>NPP largest valid raw value (empty = none; 32700 for MODIS MOD17A3)</source>
        <translation>NPP 最大有效原始值（留空 = 不限；MODIS MOD17A3 为 32700）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Land use (class codes, band per year)</source>
        <translation>土地利用（类别代码，每年一个波段）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Land-use classes</source>
        <translation>土地利用分类</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Emission allocation check per region and year</source>
        <translation>各区域逐年排放分配核验表</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Energy use -&gt; CO2 per city and year (energyemissions)</source>
        <translation>能源消费 -&gt; 各城市逐年 CO2（energyemissions）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>CO2 statistics -&gt; emission grid by night light (gridemissions)</source>
        <translation>CO2 统计 -&gt; 按夜间灯光空间化排放（gridemissions）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Yearly NPP rasters -&gt; one time series (stackyears)</source>
        <translation>逐年 NPP 栅格 -&gt; 时间序列（stackyears）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>NPP and climate -&gt; NEP carbon sink (nepsink)</source>
        <translation>NPP 与气候 -&gt; NEP 碳汇（nepsink）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Land use -&gt; carbon sink (landusesink)</source>
        <translation>土地利用 -&gt; 碳汇（landusesink）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Net emission, ratio and state per cell (gridbudget)</source>
        <translation>逐像元净排放、源汇比与状态（gridbudget）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>County carbon budgets (zonalbudget)</source>
        <translation>区县碳收支（zonalbudget）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Balance states and trends per period (balancetrend)</source>
        <translation>分时段碳平衡状态与趋势（balancetrend）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Imbalance risk index and levels (imbalancerisk)</source>
        <translation>碳失衡风险指数与等级（imbalancerisk）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Risk uncertainty, Monte Carlo (riskuncertainty)</source>
        <translation>风险不确定性，蒙特卡洛（riskuncertainty）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>Risk hot spots (hotspots)</source>
        <translation>风险热点（hotspots）</translation>
    </message>
    <message>
        <location filename="../algorithms/provider.py" line="24" />
        <source>HTML report (report)</source>
        <translation>HTML 报告（report）</translation>
    </message>
    <message>
        <location filename="../algorithms/vectors.py" line="298" />
        <source>{name}: the GeoPackage '{path}' holds other layers ({layers}); a file path as output replaces the whole file, so they will be gone. To add the layer to the file instead, give the output as ogr:dbname='{path}' table="{table}" (geom).</source>
        <translation>{name}：GeoPackage“{path}”中还有其他图层（{layers}）；以文件路径作为输出会替换整个文件，这些图层将丢失。若要把图层加入该文件，请将输出写为 ogr:dbname='{path}' table="{table}" (geom)。</translation>
    </message>
    <message>
        <location filename="../algorithms/vectors.py" line="330" />
        <source>a feature could not be written</source>
        <translation>有要素无法写出</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="93" />
        <source>The regions layer has no field '{field}'; its fields are: {fields}.</source>
        <translation>区域图层没有字段“{field}”；现有字段为：{fields}。</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="164" />
        <source>GDP field '{field}', region '{region}': '{value}' is not a number. Write GDP as plain numbers (1234.5 or 1,234.5), or leave it empty where unknown.</source>
        <translation>GDP 字段“{field}”，区域“{region}”：“{value}”不是数字。请将 GDP 写成普通数字（1234.5 或 1,234.5），未知处留空。</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="176" />
        <source>{n} GDP values were stored as text and read as numbers.</source>
        <translation>有 {n} 个 GDP 值以文本存储，已按数字读取。</translation>
    </message>
    <message>
        <location filename="../algorithms/zonalbudget.py" line="179" />
        <source>The GDP fields of {years} are empty for every region: no ECC/ESC for those years.</source>
        <translation>{years} 年的 GDP 字段在所有区域均为空：这些年份没有 ECC/ESC。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/cropland.py" line="57" />
        <source>Crop table regions without a polygon (their crop carbon is not counted): {keys}.</source>
        <translation>作物表中没有对应面的区域（其作物固碳量不计入）：{keys}。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/cropland.py" line="84" />
        <source>{year}: region {key} has crop production ({carbon:.6g} t C) but no cropland cell (class {code}); it is not counted.</source>
        <translation>{year}：区域 {key} 有作物产量（{carbon:.6g} t C）但没有耕地像元（类别 {code}），不计入。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/cropland.py" line="92" />
        <source>{year}: cropland sink from crop production in {count} regions, {carbon:,.0f} t C.</source>
        <translation>{year}：{count} 个区域的耕地碳汇来自作物产量，共 {carbon:,.0f} t C。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/cropland.py" line="97" />
        <source>No crop production for the years {years}: cropland keeps the class table's coefficient.</source>
        <translation>以下年份没有作物产量：{years}；耕地沿用系数表中的系数。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/cropland.py" line="129" />
        <source>Crop table: the production of {crop} '{value}' is not a number.</source>
        <translation>作物表：{crop} 的产量“{value}”不是数字。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/cropland.py" line="136" />
        <source>Crop table: year '{year}' is not a year.</source>
        <translation>作物表：年份“{year}”不是有效年份。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/cropland.py" line="145" />
        <source>Crop table: no column is named like a crop of the crop parameters ({crops}).</source>
        <translation>作物表：没有列名与作物参数中的作物（{crops}）一致。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/files.py" line="39" />
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/files.py" line="40" />
        <source>no permission to write there (or the folder is read-only)</source>
        <translation>没有写入权限（或文件夹为只读）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/files.py" line="41" />
        <source>the file name is too long for the file system</source>
        <translation>文件名超出文件系统允许的长度</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/files.py" line="42" />
        <source>the disk is full (or the file is larger than the file system or a size limit allows)</source>
        <translation>磁盘已满（或文件超出文件系统或大小限制所允许的大小）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/files.py" line="44" />
        <source>a folder of that name exists</source>
        <translation>已存在同名文件夹</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/files.py" line="75" />
        <source>Cannot read the {what} '{path}': {error}</source>
        <translation>无法读取 {what}“{path}”：{error}</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/files.py" line="83" />
        <source>The {what} '{path}' is not UTF-8; read it as {encoding} (the encoding of Chinese Excel and WPS).</source>
        <translation>{what}“{path}”不是 UTF-8 编码；已按 {encoding}（中文 Excel 和 WPS 的编码）读取。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/files.py" line="87" />
        <source>Read the {what} '{path}' as {encoding}.</source>
        <translation>已按 {encoding} 读取 {what}“{path}”。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/files.py" line="90" />
        <source>The {what} '{path}' is neither UTF-8 nor GB18030 (GBK) text; save it as CSV UTF-8.</source>
        <translation>{what}“{path}”既不是 UTF-8 也不是 GB18030（GBK）文本；请另存为“CSV UTF-8”。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/files.py" line="118" />
        <source>The {what} '{path}' is not a valid CSV file: {error}</source>
        <translation>{what}“{path}”不是有效的 CSV 文件：{error}</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/files.py" line="141" />
        <source>Cannot write the {what} '{path}': {detail}. Nothing was written.</source>
        <translation>无法写出 {what}“{path}”：{detail}。未写出任何文件。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/files.py" line="144" />
        <source>Cannot write the {what} '{path}': {cause} ({detail}). Nothing was written; choose another file or folder.</source>
        <translation>无法写出 {what}“{path}”：{cause}（{detail}）。未写出任何文件；请选择其他文件或文件夹。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="507" />
        <source>The statistics have no value at all for the years {gaps} (between {first} and {last}): the emission raster gets no band for them, {count} bands for {first}-{last}, and later tools treat those years as without data. Add the statistics of those years, or use the regression method with a proxy that has them.</source>
        <translation>统计数据在 {gaps} 年（{first} 至 {last} 年之间）完全没有数值：排放栅格不为这些年份写出波段（{first}-{last} 共 {count} 个波段），后续工具将这些年份视为无数据。请补充这些年份的统计数据，或使用回归方法并提供含有这些年份的代理数据。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="157" />
        <source>The {role} raster '{path}' holds the value {value} (year {year}, band {band}, {dtype}) and declares no nodata value: {value} is a common fill code and would be used as data. Declare it as the raster's nodata value (Raster &gt; Conversion &gt; Translate, 'Assign a specified nodata value', or gdal_edit.py -a_nodata {value} '{path}') and run again.</source>
        <translation>{role}栅格“{path}”含有值 {value}（{year} 年，波段 {band}，{dtype}），且未声明无数据值：{value} 是常见的填充码，会被当作数据使用。请将其声明为栅格的无数据值（栅格 &gt; 转换 &gt; 转换格式，“指定无数据值”，或 gdal_edit.py -a_nodata {value} '{path}'），然后重新运行。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="162" />
        <source>The {role} raster '{path}' holds the value {value} (year {year}, band {band}, {dtype}) but declares {nodata} as its nodata value: {value} is a common fill code and would be used as data. Declare {value} as the raster's nodata value instead, or convert it to {nodata} (Raster &gt; Raster Calculator), and run again.</source>
        <translation>{role}栅格“{path}”含有值 {value}（{year} 年，波段 {band}，{dtype}），但其声明的无数据值为 {nodata}：{value} 是常见的填充码，会被当作数据使用。请改为将 {value} 声明为栅格的无数据值，或将其转换为 {nodata}（栅格 &gt; 栅格计算器），然后重新运行。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="199" />
        <source>The temperature raster '{path}' has values from {lo} to {hi} in {year}: a mean air temperature must lie between -60 and 60 deg C. These values look like Kelvin: subtract 273.15 (Raster Calculator: "layer@1" - 273.15) and run again.</source>
        <translation>气温栅格“{path}”在 {year} 年的值为 {lo} 至 {hi}：平均气温必须介于 -60 与 60 °C 之间。这些值看起来是开尔文温度：请减去 273.15（栅格计算器："layer@1" - 273.15），然后重新运行。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="206" />
        <source>The temperature raster '{path}' has the value {value} in {year} (values from {lo} to {hi}): a mean air temperature must lie between -60 and 60 deg C. Check the units (deg C; values stored in 0.1 deg C need x 0.1) and declare fill values as the raster's nodata value.</source>
        <translation>气温栅格“{path}”在 {year} 年含有值 {value}（值域 {lo} 至 {hi}）：平均气温必须介于 -60 与 60 °C 之间。请检查单位（°C；以 0.1 °C 存储的值需乘以 0.1），并将填充值声明为栅格的无数据值。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="213" />
        <source>The temperature raster '{path}' has mean air temperatures up to {value} deg C (above 40 deg C, unusual even in hot deserts) in {years}; check that it holds mean, not maximum, temperatures.</source>
        <translation>气温栅格“{path}”在 {years} 年的平均气温最高达 {value} °C（超过 40 °C，即使在炎热沙漠中也不寻常）；请确认其为平均气温而非最高气温。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="218" />
        <source>The temperature raster '{path}' has mean air temperatures down to {value} deg C (below -50 deg C, unusual outside the polar ice sheets) in {years}; check that it holds mean, not minimum, temperatures.</source>
        <translation>气温栅格“{path}”在 {years} 年的平均气温最低达 {value} °C（低于 -50 °C，在极地冰盖以外很不寻常）；请确认其为平均气温而非最低气温。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="249" />
        <source>The precipitation raster '{path}' has the value {value} mm in {year}: precipitation is 0 mm or more. If it is a fill code, declare it as the raster's nodata value.</source>
        <translation>降水栅格“{path}”在 {year} 年含有值 {value} mm：降水量应为 0 mm 或更大。若它是填充码，请将其声明为栅格的无数据值。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="254" />
        <source>The precipitation raster '{path}' has {value} mm in a month of {year}: above 2000 mm, more than the wettest places on Earth receive in a month. Check the units (mm per month; values stored in 0.1 mm need x 0.1) and declare fill values as the raster's nodata value.</source>
        <translation>降水栅格“{path}”在 {year} 年某月为 {value} mm：超过 2000 mm，多于地球上最湿润地区的月降水量。请检查单位（mm/月；以 0.1 mm 存储的值需乘以 0.1），并将填充值声明为栅格的无数据值。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="260" />
        <source>The precipitation raster '{path}' has {value} mm in {year}: above 12000 mm, more than the wettest places on Earth receive in a year. Check the units (total mm per year; values stored in 0.1 mm need x 0.1) and declare fill values as the raster's nodata value.</source>
        <translation>降水栅格“{path}”在 {year} 年为 {value} mm：超过 12000 mm，多于地球上最湿润地区的年降水量。请检查单位（年总降水 mm；以 0.1 mm 存储的值需乘以 0.1），并将填充值声明为栅格的无数据值。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="267" />
        <source>The precipitation raster '{path}' has up to {value} mm in a month (above 1000 mm, unusual outside monsoon extremes) in {years}; check the units.</source>
        <translation>降水栅格“{path}”在 {years} 年的月降水量最高达 {value} mm（超过 1000 mm，除极端季风外很不寻常）；请检查单位。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="271" />
        <source>The precipitation raster '{path}' has up to {value} mm in a year (above 6000 mm, unusual outside the wettest mountain slopes) in {years}; check the units.</source>
        <translation>降水栅格“{path}”在 {years} 年的年降水量最高达 {value} mm（超过 6000 mm，除最湿润的山坡外很不寻常）；请检查单位。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="286" />
        <source>The NPP raster '{path}' gives {value} g C m-2 yr-1 in {year} (stored value {raw} x NPP scale factor {scale}, NPP valid maximum {valid_max}): above 3000 g C m-2 yr-1, more than any ecosystem produces. For MODIS MOD17A3 digital numbers set NPP_SCALE to 0.1 and NPP_VALID_MAX to 32700 (its fill values 32761-32767 are then nodata); otherwise check the units and declare fill values as the raster's nodata value.</source>
        <translation>NPP 栅格“{path}”在 {year} 年得到 {value} g C m-2 yr-1（存储值 {raw} x NPP 比例因子 {scale}，NPP 有效最大值 {valid_max}）：超过 3000 g C m-2 yr-1，高于任何生态系统的生产力。若为 MODIS MOD17A3 的 DN 值，请将 NPP_SCALE 设为 0.1、NPP_VALID_MAX 设为 32700（其填充值 32761-32767 随即成为无数据）；否则请检查单位，并将填充值声明为栅格的无数据值。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="295" />
        <source>The NPP raster '{path}' gives up to {value} g C m-2 yr-1 (above 2000, unusual even in tropical rain forest) in {years}; check the NPP scale factor.</source>
        <translation>NPP 栅格“{path}”在 {years} 年最高达 {value} g C m-2 yr-1（超过 2000，即使在热带雨林中也不寻常）；请检查 NPP 比例因子。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="307" />
        <source>The {role} raster '{path}' has the negative value {value} (year {year}, band {band}): emissions are 0 or more. If it is a fill code, declare it as the raster's nodata value (Raster &gt; Conversion &gt; Translate, 'Assign a specified nodata value'); if it is a net emission, give the gross emission.</source>
        <translation>{role}栅格“{path}”含有负值 {value}（{year} 年，波段 {band}）：排放量应为 0 或更大。若它是填充码，请将其声明为栅格的无数据值（栅格 &gt; 转换 &gt; 转换格式，“指定无数据值”）；若它是净排放，请改用总排放。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="341" />
        <source>The {role} value {value:g} of region '{key}', year {year} is negative. Emissions are 0 or more t per year: correct it, or leave the value empty where it is missing (a fill code such as -9999 is not a value).</source>
        <translation>区域“{key}”在 {year} 年的{role}值 {value:g} 为负值。排放量应为每年 0 t 或更多：请更正该值；若数据缺失，请留空（-9999 之类的填充码不是数值）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/plausibility.py" line="360" />
        <source>The land-use raster '{path}' has values that are not whole class codes in {year} ({count} cells, e.g. {values}): rounding would put them in another class. Give the class codes as integers (a resampling other than nearest neighbour mixes codes; re-export the land use with nearest neighbour, or as an integer raster).</source>
        <translation>土地利用栅格“{path}”在 {year} 年含有非整数的类别代码（{count} 个像元，例如 {values}）：取整会把它们归入其他类别。请以整数给出类别代码（最邻近以外的重采样会混合代码；请用最邻近法重新导出土地利用数据，或导出为整数栅格）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/timeseries.py" line="188" />
        <source>The name of the {role} raster '{path}' holds {n} year candidates ({candidates}), so its year is ambiguous. Give the years explicitly with 'Stack yearly rasters' (parameter YEARS, one year per input in input order), or rename the files so that each name holds a single 4-digit year (e.g. npp_2003.tif).</source>
        <translation>{role}栅格“{path}”的文件名中有 {n} 个可能的年份（{candidates}），无法确定年份。请在“堆叠逐年栅格”中明确给出年份（参数 YEARS，按输入顺序每个输入一个年份），或重命名文件，使每个文件名只含一个 4 位年份（例如 npp_2003.tif）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/timeseries.py" line="313" />
        <source>The {what} '{path}' ends in '{extension}', but raster outputs are written as GeoTIFF: name it .tif or .tiff.</source>
        <translation>{what}“{path}”的扩展名为“{extension}”，但栅格输出以 GeoTIFF 格式写出：请使用 .tif 或 .tiff 扩展名。</translation>
    </message>
    <message>
        <location filename="../algorithms/vectors.py" line="371" />
        <source>Cannot write the {what} '{path}': {cause} ({written} of {total} features could be read back). Nothing was written; choose another file or folder.</source>
        <translation>无法写出 {what}“{path}”：{cause}（{total} 个要素中只能读回 {written} 个）。未写出任何文件；请选择其他文件或文件夹。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/files.py" line="45" />
        <source>the file could not be completed; the disk is probably full or a file size limit was reached</source>
        <translation>文件未能写完；可能是磁盘已满或达到了文件大小限制</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="29" />
        <source>The budget layer: one polygon per region with EMI_yyyy and SNK_yyyy fields (emission and sink, t CO2 per year, both positive; any case). Years are detected from the field names; a year with only one of the two fields is left out (logged). At least 3 years. RAT_yyyy, NET_yyyy, AREA_KM2 are optional and not used: the ratio is recomputed from E and S</source>
        <translation>预算图层：每个区域一个多边形，含 EMI_yyyy 和 SNK_yyyy 字段（排放与碳汇，t CO2/年，均为正值；大小写不限）。年份从字段名识别；只有其中一个字段的年份被略去（记入日志）。至少 3 年。RAT_yyyy、NET_yyyy、AREA_KM2 可有可无且不使用：比值由 E 和 S 重新计算</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="30" />
        <source>Years per period (default 5): consecutive blocks from the first year, e.g. 2001-05, 2006-10, 2011-15, 2016-20. A trailing block of a single year is left out (logged). Must not exceed the number of years</source>
        <translation>每个时段的年数（默认 5）：从第一年起连续分段，如 2001-05、2006-10、2011-15、2016-20。末尾只有一年的时段被略去（记入日志）。不得超过年数</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="31" />
        <source>CSR upper bounds of states 1-4 (default 1, 2, 4, 8)</source>
        <translation>状态 1-4 的 CSR 上界（默认 1, 2, 4, 8）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="32" />
        <source>Optional b (e.g. 0.1): CSR within [1 - b, 1 + b] becomes state 0 "neutral"</source>
        <translation>可选 b（如 0.1）：CSR 落在 [1 - b, 1 + b] 内记为状态 0“中性”</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="33" />
        <source>Relative change of CSR below which a region is "stable" (default 0.05 = 5 %)</source>
        <translation>CSR 相对变化低于该值的区域记为“稳定”（默认 0.05 = 5 %）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="34" />
        <source>Significance level of the Mann-Kendall test (default 0.05)</source>
        <translation>Mann-Kendall 检验的显著性水平（默认 0.05）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="37" />
        <source>Any table: CSV (UTF-8, or GB18030/GBK as Chinese Excel saves it: detected and logged), GeoPackage, attribute table (geometry ignored); a field that is not found is an error listing the fields the table has</source>
        <translation>任意表格：CSV（UTF-8，或中文 Excel 保存的 GB18030/GBK：自动识别并记入日志）、GeoPackage、属性表（忽略几何）；找不到的字段会报错并列出表中已有字段</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="38" />
        <source>Region key (text or number; an empty key is an error naming the row)</source>
        <translation>区域键（文本或数字；空键报错并指出所在行）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="39" />
        <source>Year (default year)</source>
        <translation>年份（默认 year）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="40" />
        <source>0 wide (default): one column per fuel, named by the fuel key or name in any case (raw_coal, Raw coal); 1 long: a fuel column and a quantity column</source>
        <translation>0 宽表（默认）：每种燃料一列，列名为燃料键或名称，大小写不限（raw_coal、Raw coal）；1 长表：一列燃料、一列数量</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="42" />
        <source>The fuel and quantity columns of the long layout</source>
        <translation>长表格式中的燃料列和数量列</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="43" />
        <source>0 as in the factor table (default; the yearbook convention: 10^4 t for solids and liquids, 10^4 m3 for gas), 1 t and m3, 2 10^4 t and 10^4 m3, 3 10^4 t and 10^8 m3</source>
        <translation>0 与系数表相同（默认；年鉴惯例：固体和液体 10^4 t，气体 10^4 m3），1 t 和 m3，2 10^4 t 和 10^4 m3，3 10^4 t 和 10^8 m3</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="44" />
        <source>Optional CSV replacing the bundled table: fuel, name, ncv, ncv_unit (kJ/kg, MJ/kg, GJ/t, kJ/m3, MJ/m3), carbon_content_t_c_per_tj, oxidation_rate, quantity_unit (t, 10^4 t, m3, 10^4 m3, 10^8 m3); extra columns (e.g. source) are ignored</source>
        <translation>可选 CSV，替换内置系数表：fuel, name, ncv, ncv_unit（kJ/kg、MJ/kg、GJ/t、kJ/m3、MJ/m3）, carbon_content_t_c_per_tj, oxidation_rate, quantity_unit（t、10^4 t、m3、10^4 m3、10^8 m3）；多余的列（如 source）忽略</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="45" />
        <source>0 China (default), 1 IPCC default OF = 1 (used when FACTORS is empty)</source>
        <translation>0 中国（默认），1 IPCC 缺省值 OF = 1（FACTORS 为空时使用）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="46" />
        <source>Optional clinker production field, in 10^4 t with QUANTITY_UNITS 0 (else the chosen mass unit)</source>
        <translation>可选熟料产量字段，QUANTITY_UNITS 为 0 时单位为 10^4 t（否则为所选质量单位）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="47" />
        <source>Advanced: t CO2 per t clinker, default 0.52</source>
        <translation>高级：每吨熟料的 t CO2，默认 0.52</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="48" />
        <source>0 t CO2 (default), 1 t C (= CO2 x 12/44)</source>
        <translation>0 t CO2（默认），1 t C（= CO2 x 12/44）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="52" />
        <source>Time-series rasters (or lists of yearly rasters); the sink is aligned onto the emission grid only when the grids differ, with sum resampling so that t per cell are kept</source>
        <translation>时间序列栅格（或逐年栅格列表）；仅当网格不同时才把碳汇对齐到排放网格，采用求和重采样以保持每像元的吨数</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="178" />
        <source>Year of band 1, only when band descriptions are not years</source>
        <translation>第 1 波段的年份，仅当波段描述不是年份时使用</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="54" />
        <source>t CO2 (default) or t C; inputs converted from their CARBON_UNITS metadata</source>
        <translation>t CO2（默认）或 t C；输入按其 CARBON_UNITS 元数据换算</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="55" />
        <source>Upper CSR bounds of states 1-4, default 1, 2, 4, 8</source>
        <translation>状态 1-4 的 CSR 上界，默认 1, 2, 4, 8</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="59" />
        <source>Region key; features sharing a key form one region (counties with city_code take city statistics); NULL keys are an error</source>
        <translation>区域键；键相同的要素组成一个区域（带 city_code 的县使用市级统计）；NULL 键报错</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="60" />
        <source>Statistics table (long: region, year, value); the output of energyemissions fits as is</source>
        <translation>统计表（长表：区域、年份、数值）；energyemissions 的输出可直接使用</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="61" />
        <source>Its region field (default: the same name as REGION_FIELD)</source>
        <translation>其区域字段（默认：与 REGION_FIELD 同名）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="63" />
        <source>Defaults year, CO2_T</source>
        <translation>默认 year、CO2_T</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="64" />
        <source>Instead of STATS: per-year fields on the regions, &lt;prefix&gt;yyyy (e.g. EMI_2001)</source>
        <translation>代替 STATS：区域上的逐年字段 &lt;prefix&gt;yyyy（如 EMI_2001）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="65" />
        <source>Nighttime light: one band per year (years from the band descriptions, else START_YEAR); a single band is used for every year (warning)</source>
        <translation>夜间灯光：每年一个波段（年份取自波段描述，否则取 START_YEAR）；单波段栅格用于所有年份（警告）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="67" />
        <source>Optional further proxies (population, built-up), aligned on PROXY's grid (average resampling)</source>
        <translation>可选的其他代理变量（人口、建成区），对齐到 PROXY 的网格（平均值重采样）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="68" />
        <source>Weights, one per proxy, comma separated (default 1 each); mind the proxies' scales (e.g. 1, 0.001)</source>
        <translation>权重，每个代理变量一个，逗号分隔（默认均为 1）；注意各代理变量的量纲（如 1, 0.001）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="69" />
        <source>Exponent (default 1; &gt; 0)</source>
        <translation>指数（默认 1；&gt; 0）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="73" />
        <source>0 proportional (default), 1 power-law regression</source>
        <translation>0 按比例（默认），1 幂律回归</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="74" />
        <source>Advanced, regression: the statistics key holding the total of all regions per year</source>
        <translation>高级，回归：统计数据中保存各年全部区域总量的键</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="75" />
        <source>0 exact coverage fraction (default), 1 cell centre</source>
        <translation>0 精确覆盖比例（默认），1 像元中心</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="76" />
        <source>Statistics keys without polygon, polygons without statistics and gaps in the years are listed and stop the run unless this is set; then unmatched polygons are NoData</source>
        <translation>没有多边形的统计键、没有统计数据的多边形以及年份缺口会被列出并中止运行，除非勾选此项；此时未匹配的多边形为 NoData</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="77" />
        <source>Advanced: the year of band 1 when band descriptions are not years</source>
        <translation>高级：当波段描述不是年份时第 1 波段的年份</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="78" />
        <source>Units of the statistics and the output: 0 t CO2 (default), 1 t C</source>
        <translation>统计数据和输出的单位：0 t CO2（默认），1 t C</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="81" />
        <source>Polygons (or points, with distance or k-nearest weights)</source>
        <translation>多边形（或点，配合距离或 k 近邻权重）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="82" />
        <source>A numeric field; features where it is NULL are left out (their outputs are NULL, logged); a text field is an error naming its type and the numeric fields</source>
        <translation>数值字段；该字段为 NULL 的要素被略去（其输出为 NULL，记入日志）；文本字段报错并指出其类型和可用的数值字段</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="83" />
        <source>0 queen contiguity (default): polygons sharing at least one boundary point (found with a spatial index of bounding boxes and GEOS intersects); 1 distance band between centroids; 2 k nearest centroids</source>
        <translation>0 后式邻接（默认）：至少共享一个边界点的多边形（用外包框空间索引和 GEOS intersects 查找）；1 质心间距离阈值；2 k 个最近质心</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="84" />
        <source>The distance band in layer CRS units (for WEIGHTS=1; inclusive)</source>
        <translation>距离阈值，单位为图层坐标系单位（用于 WEIGHTS=1；含边界）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="85" />
        <source>Number of nearest neighbours (for WEIGHTS=2, default 8)</source>
        <translation>最近邻个数（用于 WEIGHTS=2，默认 8）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="86" />
        <source>Random permutations for the pseudo p-values (default 999)</source>
        <translation>伪 p 值的随机置换次数（默认 999）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="87" />
        <source>Random seed (default 12345): the same seed gives the same p-values; clear it for a new draw each run</source>
        <translation>随机种子（默认 12345）：相同种子得到相同 p 值；清空则每次运行重新抽样</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="88" />
        <source>Significance level of LISA clusters (default 0.05, advanced)</source>
        <translation>LISA 聚类的显著性水平（默认 0.05，高级）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="91" />
        <source>The budget layer, or the balance layer from balancetrend (its fields are kept): EMI_yyyy, SNK_yyyy in t CO2 per year; AREA_KM2 (km2) for the pressure component, else the ellipsoidal area of each polygon is measured (logged); MKZ_yyyy used for the trend when present</source>
        <translation>预算图层，或 balancetrend 输出的平衡图层（保留其字段）：EMI_yyyy、SNK_yyyy，单位 t CO2/年；压力分量用 AREA_KM2（km2），否则量算每个多边形的椭球面积（记入日志）；若有 MKZ_yyyy 则用于趋势</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="92" />
        <source>Years per period (default 5), as in balancetrend</source>
        <translation>每个时段的年数（默认 5），与 balancetrend 相同</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="93" />
        <source>0 absolute (default), 1 relative (min-max over the regions and periods of the layer; the earlier method)</source>
        <translation>0 绝对（默认），1 相对（在图层的全部区域和时段上做最小-最大归一化；旧方法）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="94" />
        <source>Any of 0 state, 1 trend, 2 pressure (default 0,1); in qgis_process one comma list, e.g. COMPONENTS=0,1,2</source>
        <translation>0 状态、1 趋势、2 压力中的任意几个（默认 0,1）；qgis_process 中写成一个逗号列表，如 COMPONENTS=0,1,2</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="95" />
        <source>Optional: 0 entropy, 1 equal, 2 user (USER_WEIGHTS); empty = equal for absolute, entropy for relative</source>
        <translation>可选：0 熵权，1 等权，2 自定义（USER_WEIGHTS）；为空时绝对指数用等权，相对指数用熵权</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="96" />
        <source>One number per chosen component in the order state, trend, pressure, e.g. 0.5, 0.3, 0.2; not summing to 1: normalised with a log line; negative or all zero: error</source>
        <translation>按状态、趋势、压力的顺序，每个所选分量一个数，如 0.5, 0.3, 0.2；总和不为 1 时归一化并记入日志；为负或全为零时报错</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="97" />
        <source>Advanced, absolute index with pressure: rho_ref in t CO2 km-2 yr-1 (positive); empty = the median emission density of the layer's regions and periods (then the pressure is relative, logged)</source>
        <translation>高级，含压力分量的绝对指数：rho_ref，单位 t CO2 km-2 yr-1（正数）；为空时取图层各区域各时段排放密度的中位数（此时压力为相对值，记入日志）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="98" />
        <source>Advanced, relative index only: cap on the source/sink ratio (default 100, must exceed 1)</source>
        <translation>高级，仅相对指数：碳源/碳汇比的上限（默认 100，须大于 1）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="99" />
        <source>Advanced: 4 increasing numbers in (0, 1) (default 0.2, 0.4, 0.6, 0.8)</source>
        <translation>高级：(0, 1) 内 4 个递增的数（默认 0.2, 0.4, 0.6, 0.8）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="100" />
        <source>Carbon price for the compensation value (default 60 yuan per t CO2; China ETS averages 2021-24: 53-89)</source>
        <translation>补偿价值所用碳价（默认每吨 CO2 60 元；全国碳市场 2021-24 年均价 53-89）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="103" />
        <source>Integer land-use classes: a raster with a band per year (band descriptions = years), one raster per year (year in the file name), or one single-band raster standing for all the years in YEARS; rasters of later years on another grid are aligned to the first by nearest neighbour</source>
        <translation>整数土地利用类别：每年一个波段的栅格（波段描述 = 年份），每年一个栅格（文件名中含年份），或代表 YEARS 中所有年份的单波段栅格；较晚年份的栅格若在另一网格上，按最近邻对齐到第一个</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="104" />
        <source>Optional: one year per band in input order (e.g. 2000, 2005, 2010), or the years a single layer stands for (e.g. 2001-2020)</source>
        <translation>可选：按输入顺序每个波段一个年份（如 2000, 2005, 2010），或单个图层所代表的年份（如 2001-2020）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="105" />
        <source>Optional: the year of band 1 when band descriptions are not years</source>
        <translation>可选：当波段描述不是年份时第 1 波段的年份</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="106" />
        <source>Preset: 0 CNLUCC first-level classes (default), 1 CLCD</source>
        <translation>预设：0 CNLUCC 一级类（默认），1 CLCD</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="107" />
        <source>Optional CSV (UTF-8) replacing the preset: columns code, name, t_c_ha_yr (others ignored)</source>
        <translation>可选 CSV（UTF-8），替换预设：列 code, name, t_c_ha_yr（其余列忽略）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="108" />
        <source>Optional: crop production per region and year (CSV or any table): a region key, a year, and one column per crop in t, named as in the crop parameters (wheat, maize, rice, case-insensitive; other columns ignored, empty cells = no production)</source>
        <translation>可选：按区域和年份的作物产量（CSV 或任意表格）：一个区域键、一个年份，每种作物一列，单位 t，列名与作物参数一致（wheat、maize、rice，大小写不限；其他列忽略，空单元格 = 无产量）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="109" />
        <source>Its region key (default: the same name as CROP_REGION_FIELD)</source>
        <translation>其区域键（默认：与 CROP_REGION_FIELD 同名）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="110" />
        <source>Its year field (default year)</source>
        <translation>其年份字段（默认 year）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="113" />
        <source>Advanced: the cropland class code (default 1, as in CNLUCC and CLCD)</source>
        <translation>高级：耕地类别代码（默认 1，与 CNLUCC 和 CLCD 相同）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="114" />
        <source>Advanced: a CSV replacing crop_parameters.csv (crop, carbon_fraction, harvest_index, water_content)</source>
        <translation>高级：替换 crop_parameters.csv 的 CSV（crop, carbon_fraction, harvest_index, water_content）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="126" />
        <source>0 t CO2 (default), 1 t C</source>
        <translation>0 t CO2（默认），1 t C</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="118" />
        <source>NPP, one time-series raster (band per year, band descriptions = years) or several yearly rasters (year in the file name, e.g. MOD17A3HGF_NPP_2005.tif); its grid and CRS (required) are the output's</source>
        <translation>NPP，一个时间序列栅格（每年一个波段，波段描述 = 年份）或多个逐年栅格（文件名中含年份，如 MOD17A3HGF_NPP_2005.tif）；输出采用其网格和坐标系（必须有坐标系）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="119" />
        <source>Factor from stored values to g C m-2 yr-1 (default 1; 0.1 for MOD17A3HGF DN)</source>
        <translation>由存储值换算为 g C m-2 yr-1 的系数（默认 1；MOD17A3HGF 原始 DN 为 0.1）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="120" />
        <source>Optional: raw values above it are fill (32700 for MOD17A3HGF)</source>
        <translation>可选：原始值超过它即为填充值（MOD17A3HGF 为 32700）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="121" />
        <source>Air temperature, deg C: monthly mean (monthly time step) or annual mean (annual)</source>
        <translation>气温，摄氏度：月平均（逐月时间步长）或年平均（逐年）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="122" />
        <source>Precipitation, mm: monthly total (monthly) or annual total (annual)</source>
        <translation>降水，mm：月总量（逐月）或年总量（逐年）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="123" />
        <source>0 monthly (default), 1 annual (approximation, see above)</source>
        <translation>0 逐月（默认），1 逐年（近似，见上文）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="124" />
        <source>The year of band 1 for inputs whose band descriptions and file names hold no year</source>
        <translation>波段描述和文件名中都没有年份时第 1 波段的年份</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="125" />
        <source>Advanced: 0 signed (default), 1 positive only</source>
        <translation>高级：0 带符号（默认），1 仅正值</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="129" />
        <source>One multi-band time-series raster (band per year, band description = year; e.g. from stackyears or gridbudget) or a list of yearly rasters (years from band descriptions or file names). At least 3 years</source>
        <translation>一个多波段时间序列栅格（每年一个波段，波段描述 = 年份；如 stackyears 或 gridbudget 的输出）或逐年栅格列表（年份取自波段描述或文件名）。至少 3 年</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="130" />
        <source>The year of band 1, only when the band descriptions are not years</source>
        <translation>第 1 波段的年份，仅当波段描述不是年份时使用</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="131" />
        <source>Significance level for the class raster (default 0.05)</source>
        <translation>类别栅格的显著性水平（默认 0.05）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="134" />
        <source>The risk layer of imbalancerisk: RI_yyyy (risk index) and RL_yyyy (level) per period (first year of the period). Its EMI_yyyy / SNK_yyyy fields (kept from the budget layer) give the province totals when PROVINCE_TABLE is not given. When imbalancerisk ran on the balance layer, it also carries CSR_yyyy and ST_yyyy; a hot spots layer made from it carries everything</source>
        <translation>imbalancerisk 输出的风险图层：每个时段（以时段首年命名）的 RI_yyyy（风险指数）和 RL_yyyy（等级）。未给出 PROVINCE_TABLE 时，用其 EMI_yyyy / SNK_yyyy 字段（从预算图层保留）得到全省总量。若 imbalancerisk 是在平衡图层上运行的，它还带有 CSR_yyyy 和 ST_yyyy；由它生成的热点图层包含全部字段</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="135" />
        <source>Optional: the balance layer of balancetrend (CSR_yyyy, ST_yyyy), for the state maps and transitions when the risk layer lacks them. Its CSR and state are joined to the top-10 table by region name (when the names are unique)</source>
        <translation>可选：balancetrend 输出的平衡图层（CSR_yyyy、ST_yyyy），风险图层缺少这些字段时用于状态图和转移统计。其 CSR 和状态按区域名称连接到前 10 名表中（名称唯一时）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="136" />
        <source>Optional: the layer of hotspots (GI_BIN); without it, GI_BIN is taken from the risk layer when present</source>
        <translation>可选：hotspots 输出的图层（GI_BIN）；未给出时，若风险图层中有 GI_BIN 则取自风险图层</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="137" />
        <source>Optional field of RISK naming the regions (default: the first text field; else #1, #2 ...)</source>
        <translation>可选：RISK 中给区域命名的字段（默认：第一个文本字段；否则为 #1、#2 ...）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="138" />
        <source>Optional table year, emission, sink[, net, csr] (OUTPUT_PROVINCE of balancetrend; CSV or any table). Without it: summed from EMI_yyyy / SNK_yyyy of the risk layer over the regions with both values (the same numbers)</source>
        <translation>可选表格 year, emission, sink[, net, csr]（balancetrend 的 OUTPUT_PROVINCE；CSV 或任意表格）。未给出时：由风险图层的 EMI_yyyy / SNK_yyyy 在两者都有值的区域上求和（数值相同）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="139" />
        <source>Optional table from_per, to_per, from_state, to_state, count (OUTPUT_TRANSITIONS of balancetrend). Without it: computed from the ST_yyyy fields</source>
        <translation>可选表格 from_per, to_per, from_state, to_state, count（balancetrend 的 OUTPUT_TRANSITIONS）。未给出时：由 ST_yyyy 字段计算</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="141" />
        <source>Optional text, e.g. state 0.6123, trend 0.3877 (the WEIGHTS_USED output of imbalancerisk); empty: the w_* columns of RISK_SUMMARY</source>
        <translation>可选文本，如 state 0.6123, trend 0.3877（imbalancerisk 的 WEIGHTS_USED 输出）；为空时取 RISK_SUMMARY 的 w_* 列</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="142" />
        <source>Optional text, the METHOD output of imbalancerisk, e.g. absolute index, equal weights; used when RISK_SUMMARY has no normalis / weighting columns (when both are given and differ, the table's is shown with a note)</source>
        <translation>可选文本，imbalancerisk 的 METHOD 输出，如 absolute index, equal weights；RISK_SUMMARY 没有 normalis / weighting 列时使用（两者都给出且不同时显示表格中的值并附提示）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="143" />
        <source>Optional: the layer of riskuncertainty (RIM_yyyy, RIL_yyyy, RIH_yyyy, PH_yyyy, RLM_yyyy, PL_yyyy per period); regions named by the same NAME_FIELD or the first text field</source>
        <translation>可选：riskuncertainty 输出的图层（每个时段的 RIM_yyyy、RIL_yyyy、RIH_yyyy、PH_yyyy、RLM_yyyy、PL_yyyy）；区域按同一 NAME_FIELD 或第一个文本字段命名</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="144" />
        <source>Optional text listed in the report, KEY=VALUE separated by ; or new lines, e.g. PERIOD_LENGTH=5; WEIGHTS=entropy; PRICE=60</source>
        <translation>可选文本，列入报告，KEY=VALUE 以 ; 或换行分隔，如 PERIOD_LENGTH=5; WEIGHTS=entropy; PRICE=60</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="145" />
        <source>Units of the emission and sink values: 0 t CO2 (default), 1 t C (labels only; nothing is converted)</source>
        <translation>排放与碳汇数值的单位：0 t CO2（默认），1 t C（仅用于标注；不做换算）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="146" />
        <source>The report title (default "Carbon budget and imbalance risk report")</source>
        <translation>报告标题（默认“Carbon budget and imbalance risk report”）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="147" />
        <source>The HTML file</source>
        <translation>HTML 文件</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="150" />
        <source>The budget or balance layer: EMI_yyyy, SNK_yyyy in t CO2 per year (AREA_KM2 in km2 for the pressure component, else the ellipsoidal polygon area)</source>
        <translation>预算或平衡图层：EMI_yyyy、SNK_yyyy，单位 t CO2/年（压力分量用 AREA_KM2，单位 km2，否则用多边形椭球面积）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="151" />
        <source>Relative standard deviation of the emissions (default 0.10 = 10 %; 0-5)</source>
        <translation>排放的相对标准差（默认 0.10 = 10 %；0-5）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="152" />
        <source>Relative standard deviation of the sinks (default 0.30 = 30 %; 0-5)</source>
        <translation>碳汇的相对标准差（默认 0.30 = 30 %；0-5）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="153" />
        <source>Advanced: share of the error variance common to all years of a region (default 0.5; 0-1)</source>
        <translation>高级：区域各年共有的误差方差占比（默认 0.5；0-1）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="154" />
        <source>Number of draws (default 1000; 2 to 1 000 000)</source>
        <translation>抽样次数（默认 1000；2 到 1 000 000）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="155" />
        <source>Random seed (default 1): the same seed and inputs give the same results; empty = a new seed each run</source>
        <translation>随机种子（默认 1）：相同种子和输入得到相同结果；为空则每次运行使用新种子</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="163" />
        <source>The index settings, exactly as in imbalancerisk (default: absolute index, state and trend, equal weights, 5-year periods)</source>
        <translation>指数设置，与 imbalancerisk 完全相同（默认：绝对指数，状态和趋势，等权，5 年时段）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="166" />
        <source>The yearly rasters (any order)</source>
        <translation>逐年栅格（顺序不限）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="167" />
        <source>Optional: the years, one per input in input order (2001, 2002 or 2001-2020); default: from each file's band description, else the single 4-digit year (1800-2099) in its file name</source>
        <translation>可选：年份，按输入顺序每个输入一个（2001, 2002 或 2001-2020）；默认：取自各文件的波段描述，否则取文件名中唯一的 4 位年份（1800-2099）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="168" />
        <source>Optional: the grid to align onto; default: the raster of the first year</source>
        <translation>可选：对齐的目标网格；默认：第一年的栅格</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="169" />
        <source>None (inputs must already align: an error names the one that does not), nearest, bilinear (default), cubic, average, sum, mode</source>
        <translation>none（输入须已对齐：报错指出未对齐的输入）、nearest、bilinear（默认）、cubic、average、sum、mode</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="171" />
        <source>Optional metadata written as CARBON_QUANTITY and CARBON_UNITS</source>
        <translation>可选元数据，写为 CARBON_QUANTITY 和 CARBON_UNITS</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="175" />
        <source>Key field (text or integer; nulls and duplicates are errors naming them)</source>
        <translation>键字段（文本或整数；空值和重复值报错并列出）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="177" />
        <source>Time-series rasters in t per cell per year (one multi-band raster or yearly rasters); may be on different grids or CRSs</source>
        <translation>时间序列栅格，单位 t/像元/年（一个多波段栅格或逐年栅格）；可位于不同网格或坐标系</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="179" />
        <source>Optional, e.g. GDP_ for fields GDP_2001, GDP_2002, ... on the regions; numbers or text such as 1,234.5 (a value that is not a number is an error naming the field, region and value; empty = missing)</source>
        <translation>可选，如 GDP_ 对应区域上的 GDP_2001、GDP_2002 ... 字段；数字或 1,234.5 这样的文本（不是数字的值报错并指出字段、区域和值；为空 = 缺失）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="180" />
        <source>t CO2 (default) or t C; each raster is converted from its CARBON_UNITS metadata (CO2 = C x 44/12)</source>
        <translation>t CO2（默认）或 t C；每个栅格按其 CARBON_UNITS 元数据换算（CO2 = C x 44/12）</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="140" />
        <source>Point sources</source>
        <translation>点源</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="192" />
        <source>{param}: the regions have no fields named {prefix}yyyy (e.g. {prefix}2001).</source>
        <translation>{param}：区域图层中没有名为 {prefix}yyyy 的字段（例如 {prefix}2001）。</translation>
    </message>
    <message>
        <location filename="../algorithms/gridemissions.py" line="257" />
        <source>Give the statistics: a table in {stats}, or {prefix} for per-year fields on the regions.</source>
        <translation>请提供统计数据：{stats} 中的表，或用 {prefix} 指定区域图层上的逐年字段。</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="145" />
        <source>{param}: the layer has no field '{name}'; its fields are: {fields}.</source>
        <translation>{param}：图层没有字段“{name}”；现有字段为：{fields}。</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="151" />
        <source>{param}: '{name}' is a {type} field, not a number; hot spots need a numeric field (numeric fields here: {fields}).</source>
        <translation>{param}：“{name}”是 {type} 字段，不是数值；热点分析需要数值字段（此图层的数值字段：{fields}）。</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="158" />
        <source>{param}: every value of '{name}' is NULL; there is nothing to analyse.</source>
        <translation>{param}：“{name}”的所有值均为 NULL；没有可分析的数据。</translation>
    </message>
    <message>
        <location filename="../algorithms/hotspots.py" line="223" />
        <source>{param}: give the distance band for distance weights.</source>
        <translation>{param}：使用距离权重时请给出距离阈值。</translation>
    </message>
    <message>
        <location filename="../algorithms/imbalancerisk.py" line="110" />
        <source>{param}: choose at least one of state, trend, pressure.</source>
        <translation>{param}：请至少选择状态、趋势、压力中的一项。</translation>
    </message>
    <message>
        <location filename="../algorithms/energyemissions.py" line="120" />
        <source>Clinker production field (for cement process CO2)</source>
        <translation>熟料产量字段（用于水泥生产过程 CO2）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/imbalance.py" line="316" />
        <source>Period {period}: total emission is not positive; no compensation values.</source>
        <translation>时段 {period}：排放总量不为正；不计算补偿价值。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/risk.py" line="211" />
        <source>User weights {weights} sum to {total:g}, not 1; normalised to {normalised}.</source>
        <translation>用户权重 {weights} 之和为 {total:g}，不等于 1；已归一化为 {normalised}。</translation>
    </message>
    <message>
        <location filename="../algorithms/styles.py" line="97" />
        <source>No sink (sink 0 or less)</source>
        <translation>无碳汇（碳汇 ≤ 0）</translation>
    </message>
    <message>
        <location filename="../algorithms/base.py" line="46" />
        <source>Full help: inputs, method, outputs and an example</source>
        <translation>完整帮助：输入、方法、输出及示例</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="9" />
        <source>Classifies each region's carbon balance per period, tells whether it is getting more or less imbalanced, and tests the monotonic trend of its source/sink ratio.</source>
        <translation>按时段划分各区域的碳平衡状态，判断其失衡是在加剧还是缓解，并检验其碳源汇比的单调趋势。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="10" />
        <source>Turns an energy consumption table (per region and year, e.g. a statistical yearbook) into CO2 with the IPCC reference approach and Chinese calorific values. The output table plugs straight into gridemissions as its statistics.</source>
        <translation>用 IPCC 参考方法和中国平均低位发热量，将能源消费表（按区域和年份，如统计年鉴）换算为 CO2。输出表可直接作为 gridemissions 的统计数据。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="11" />
        <source>Per cell and year, from an emission and a sink time-series raster (t per cell per year, both positive): net emission, source/sink ratio and balance state.</source>
        <translation>由碳排放和碳汇时间序列栅格（t/像元/年，均为正值）逐像元、逐年计算净排放、碳源汇比和平衡状态。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="12" />
        <source>Top-down, mass-conserving allocation of regional emission statistics (t per region and year) to the cells of a proxy grid, usually nighttime light. The output is a time-series raster, t CO2 per cell per year, that sums back to the statistics.</source>
        <translation>自上而下、总量守恒地将区域排放统计（t/区域/年）按代理栅格（通常为夜间灯光）分配到像元。输出为时间序列栅格（t CO2/像元/年），其总和等于统计值。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="13" />
        <source>Where do high (or low) values of a field cluster? Getis-Ord Gi* hot and cold spots, local Moran clusters (LISA) and global Moran's I for any numeric field, e.g. the risk index RI_2016, the net emission NET_2020 or the ratio CSR_2016.</source>
        <translation>某字段的高值（或低值）在哪里聚集？对任意数值字段（如风险指数 RI_2016、净排放 NET_2020 或碳源汇比 CSR_2016）计算 Getis-Ord Gi* 冷热点、局部 Moran 聚类（LISA）和全局 Moran's I。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="15" />
        <source>Carbon absorbed per cell and year from its land-use class: the cell's true area times a coefficient per class. The output is a time-series raster of the sink, t CO2 (or t C) per cell per year, on the land-use grid.</source>
        <translation>按土地利用类型计算每个像元每年的碳吸收量：像元真实面积乘以该类型的系数。输出为土地利用格网上的碳汇时间序列栅格，单位 t CO2（或 t C）/像元/年。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="16" />
        <source>Carbon absorbed by vegetation per cell and year, as net ecosystem productivity: the NPP of the vegetation minus the carbon soils release by heterotrophic respiration. The output is a time-series raster of the sink, t CO2 (or t C) per cell per year, on the NPP grid.</source>
        <translation>以净生态系统生产力计算每个像元每年植被吸收的碳：植被 NPP 减去土壤异养呼吸释放的碳。输出为 NPP 格网上的碳汇时间序列栅格，单位 t CO2（或 t C）/像元/年。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="17" />
        <source>Sen slope and Mann-Kendall test of every cell of a time-series raster: where do emissions, sinks, the net budget or the source/sink ratio rise or fall significantly?</source>
        <translation>对时间序列栅格的每个像元计算 Sen 斜率并做 Mann-Kendall 检验：排放、碳汇、净收支或碳源汇比在哪里显著上升或下降？</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="18" />
        <source>One self-contained HTML file that sums up an analysis: charts, maps rendered by QGIS and tables, all embedded (PNG as base64, or inline SVG), so the file opens in any browser and can be mailed or archived alone. It is the last step of the bundled workflow (riskworkflow).</source>
        <translation>一个独立的 HTML 文件汇总一次分析：图表、QGIS 渲染的地图和表格全部内嵌（PNG 以 base64 或内联 SVG），可在任何浏览器中打开，并可单独邮寄或存档。它是内置工作流（riskworkflow）的最后一步。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="19" />
        <source>How sure is each region's risk level? Emission statistics and sink estimates carry errors (county energy-statistics CO2 about 10-20 %, model NEP sinks 20-50 %). This tool draws many versions of every region's yearly emission and sink, recomputes the risk index of imbalancerisk for each draw with the same settings, and reports per region and period the median index, its 5-95 % interval and the probabilities of high risk and of the most likely level.</source>
        <translation>各区域的风险等级有多确定？排放统计和碳汇估算都有误差（县级能源统计 CO2 约 10-20 %，模型 NEP 碳汇 20-50 %）。本工具对每个区域的逐年排放和碳汇抽取多组样本，以相同设置对每次抽样重算 imbalancerisk 的风险指数，并按区域和时段报告指数中位数、其 5-95 % 区间、高风险概率及最可能等级的概率。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="23" />
        <source>Builds a time-series raster (one band per year) from one single-band raster per year, the way MODIS NPP, nighttime lights or climate grids are usually delivered (MOD17A3HGF_NPP_2001.tif, ...). Every algorithm of the provider that takes a time series accepts the result.</source>
        <translation>由每年一个单波段栅格（MODIS NPP、夜间灯光或气候格网通常以此方式发布，如 MOD17A3HGF_NPP_2001.tif ...）构建时间序列栅格（每年一个波段）。本插件中所有接受时间序列的算法都可使用其结果。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="24" />
        <source>Sums an emission and a sink time-series raster over region polygons with exact cell coverage fractions (a cell split between two counties is split between them, as exactextract does), so regions add up to their union. QGIS's native zonal statistics count whole cells by their centre and switch to area weights only when at most one centre falls inside; they are not used.</source>
        <translation>以精确的像元覆盖比例（被两个县分割的像元按比例分给两县，与 exactextract 相同）将排放和碳汇时间序列栅格汇总到区域多边形，使各区域之和等于其并集。QGIS 自带的分区统计按像元中心计整个像元，仅在区域内至多一个像元中心时才改用面积权重，因此不使用。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="14" />
        <source>A risk index in [0, 1] and a risk level 1-5 per region and period, from how far the region's sink falls short of its emission, whether its source/sink ratio is rising and (optionally) how dense its emissions are; plus a budget-neutral compensation value. The default index is absolute: a region's value depends on its own data only and means the same in every province and period. The earlier relative (min-max) index is kept as the other Normalisation option.</source>
        <translation>按区域和时段给出 [0, 1] 的风险指数和 1-5 级风险等级，依据区域碳汇对其排放的缺口、碳源汇比是否上升以及（可选）排放强度；另给出收支平衡的补偿价值。默认指数为绝对指数：区域的值只取决于其自身数据，在任何省份和时段含义相同。原先的相对（极差标准化）指数保留为“标准化方法”的另一选项。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="865" />
        <source>{year}: raster total {gridded:,.1f} {units}, statistics {expected:,.1f} (relative error {rel:.1e})</source>
        <translation>{year}：栅格总量 {gridded:,.1f} {units}，统计值 {expected:,.1f}（相对误差 {rel:.1e}）</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="869" />
        <source>{year}: raster total {gridded:,.1f} {units}, statistics {expected:,.1f} (relative error {rel:.1e}); per-region round trip: max |error| {worst:.2e} ({region}), mean {mean:.2e}</source>
        <translation>{year}：栅格总量 {gridded:,.1f} {units}，统计值 {expected:,.1f}（相对误差 {rel:.1e}）；分区回算：最大 |误差| {worst:.2e}（{region}），平均 {mean:.2e}</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/units.py" line="53" />
        <source>The {role} raster has no CARBON_UNITS metadata; its values are taken as {target}.</source>
        <translation>{role}栅格没有 CARBON_UNITS 元数据；其数值按 {target} 计。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/timeseries.py" line="473" />
        <source>Unknown quantity '{quantity}': use one of {choices}.</source>
        <translation>未知的量“{quantity}”：请使用 {choices} 之一。</translation>
    </message>
    <message>
        <location filename="../algorithms/vectors.py" line="132" />
        <source>{param}: the layer '{layer}' has no coordinate reference system. Set it (Layer Properties &gt; Source, or the Assign projection tool) and run again.</source>
        <translation>{param}：图层“{layer}”没有坐标参考系。请为其设置坐标参考系（图层属性 &gt; 源，或“指定投影”工具）后重新运行。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="58" />
        <source>Region polygons in any CRS, which must be set (transformed to the proxy's); a NULL or empty geometry is an error naming the region</source>
        <translation>区域多边形，可为任意坐标系，但必须已设置（转换到代理栅格的坐标系）；几何为 NULL 或为空的区域会报错并给出其名称</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="112" />
        <source>The region polygons of the table (any CRS, which must be set) and their key; required with CROP_TABLE; a NULL or empty geometry is an error naming the region (never left out)</source>
        <translation>该表对应的区域多边形（任意坐标系，但必须已设置）及其键；使用 CROP_TABLE 时必填；几何为 NULL 或为空的区域会报错并给出其名称（绝不会被略过）</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="174" />
        <source>Region polygons in any CRS, which must be set (transformed to each raster's CRS with edges densified); a NULL or empty geometry is an error naming the region</source>
        <translation>区域多边形，可为任意坐标系，但必须已设置（转换到每个栅格的坐标系并加密边界）；几何为 NULL 或为空的区域会报错并给出其名称</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="72" />
        <source>Optional point sources with a year and an emission (defaults year, CO2_T, same units as the statistics), in any CRS, which must be set (transformed to the proxy's); a NULL or empty geometry is an error naming the sources</source>
        <translation>可选点源，含年份和排放量（默认 year、CO2_T，单位与统计数据相同），可为任意坐标系，但必须已设置（转换到代理栅格的坐标系）；几何为 NULL 或为空的点源会报错并给出其编号</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/gridding.py" line="719" />
        <source>Point sources without a location (a NULL or empty geometry): {labels}. Give them a point or remove them.</source>
        <translation>以下点源没有位置（几何为 NULL 或为空）：{labels}。请为其补充点位或将其删除。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/timeseries.py" line="234" />
        <source>Band {band} of the {role} raster '{path}' declares a scale of {scale:g} and an offset of {offset:g} (GDAL metadata, as in MODIS products; QGIS shows the values scaled). The plugin reads the values as stored, without them: give the tool's scale parameter where it has one (e.g. NPP_SCALE), or write the values out scaled first (Raster &gt; Conversion &gt; Translate with the extra option '-unscale -ot Float32').</source>
        <translation>{role}栅格“{path}”的第 {band} 波段声明了缩放系数 {scale:g} 和偏移量 {offset:g}（GDAL 元数据，如 MODIS 产品；QGIS 显示的是缩放后的值）。本插件按存储值读取，不应用它们：请在工具有缩放参数时填写该参数（如 NPP_SCALE），或先写出已缩放的值（栅格 &gt; 转换 &gt; 转换（Translate），附加选项“-unscale -ot Float32”）。</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="218" />
        <source>Regions without a risk index (no data)</source>
        <translation>无风险指数的区域（无数据）</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="438" />
        <source>{period}: {n} region(s) have a risk level but no risk index; they count as no data.</source>
        <translation>{period}：{n} 个区域有风险等级但无风险指数，计为无数据。</translation>
    </message>
    <message>
        <location filename="../algorithms/report.py" line="441" />
        <source>{period}: {n} region(s) have a risk index but no risk level; they count at the level of their index (default breaks).</source>
        <translation>{period}：{n} 个区域有风险指数但无风险等级，按其指数所在等级计（默认断点）。</translation>
    </message>
    <message>
        <location filename="../carbon_plugin/reporting/texts.py" line="13" />
        <source>High-risk share = regions with RI &gt;= {threshold} / regions with an index in the period. Regions without an index in a period (no data) are counted under No data and are in no share.</source>
        <translation>高风险占比 = RI &gt;= {threshold} 的区域数 / 该时段有风险指数的区域数。某时段无风险指数的区域（无数据）单独计入“无数据”，不计入任何占比。</translation>
    </message>
    <message>
        <location filename="../algorithms/help_text.py" line="140" />
        <source>Optional table (OUTPUT_SUMMARY of imbalancerisk): period, year, normalis, weighting, regions, n_nodata, n_l1..n_l5, sh_l1..sh_l5, n_high, high_share, w_state, w_trend, w_pressure. Without it: counted from RI_yyyy / RL_yyyy as imbalancerisk counts (the same numbers for the same run). When given, its regions, no-data count, level counts and high-risk count are compared with the layer's (a note if they differ: table and layer from different runs?)</source>
        <translation>可选表格（imbalancerisk 的 OUTPUT_SUMMARY）：period, year, normalis, weighting, regions, n_nodata, n_l1..n_l5, sh_l1..sh_l5, n_high, high_share, w_state, w_trend, w_pressure。未给出时：由 RI_yyyy / RL_yyyy 按 imbalancerisk 的方法统计（同一次运行得到相同的数字）。给出时将其区域数、无数据数、各等级数和高风险数与图层的统计比较（不一致时给出提示：表格和图层来自不同的运行？）</translation>
    </message>
</context>
</TS>